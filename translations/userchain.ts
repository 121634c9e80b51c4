<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>AddressInput</name>
    <message>
        <location filename="../app/addressinput.cpp" line="+11"/>
        <source>not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+31"/>
        <source>Match everything except this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-3"/>
        <source>%1: kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any, one address, a subnet or a range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Enter the %1 address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The %1 must be one address; choose Subnet or Range for more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter the %1 subnet with its prefix length, e.g. %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter the %1 range as FIRST-LAST, e.g. %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplyController</name>
    <message>
        <location filename="../app/applycontroller.cpp" line="+81"/>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not connected to %1: reconnect first, then apply. Your edits are kept meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+13"/>
        <source>the system bus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The connection to %1 was lost while applying %2: if the rules arrived, the helper there restores the previous ones as it sees this window go. Your edits are still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The connection to %1 was lost while applying %2: reconnect to see which rules it holds. Your edits are still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The connection to %1 was lost before the new %2 rules were kept: the helper there restores the previous rules as it sees this window go. Your edits are still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The connection to %1 was lost while keeping the new %2 rules: reconnect to see whether they were kept. Your edits are still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <source>no change for any published port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Also creates the DOCKER-USER chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Also inserts the jump &lt;tt&gt;%1 -I FORWARD 1 -j DOCKER-USER&lt;/tt&gt;, so that forwarded traffic reaches these rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The rule added outside Userchain stays in its place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The %n rules added outside Userchain stay in their place.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing to apply: DOCKER-USER already holds these rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is applied first, then %2. With automatic revert, each family&apos;s rules are kept on their own: the helper keeps one change pending at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Apply cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Applying %1… the system may ask for an administrator&apos;s password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applying %1 to %2 over ssh…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 was not applied; its edits are still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+43"/>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Applied %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Applied %1; waiting for you to keep the new rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 follows once you keep these.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No answer in time: restoring the previous rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restoring the previous rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>DOCKER-USER (%1) was changed outside Userchain after it was loaded (by %2, a script, or Docker restarting). Nothing was applied.

Keep your edits on top of the current rules? Rules added outside stay in their place (marked), rules removed outside stay removed, and you review the result before anything is applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keep my edits (rebase)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Create and apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Rule %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rule %1, at “%2”: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The helper refused rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was applied to %1 DOCKER-USER.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Kept the new %1 rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The rules could not be kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The previous rules were not restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Someone else changed the %1 DOCKER-USER chain after your apply, so the helper kept it as it is instead of writing the previous rules over their change. Check the rules shown now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The confirmation time ran out, but the helper could not write the previous %1 rules back: DOCKER-USER still holds the rules you applied. The helper&apos;s log says why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not confirmed in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rolled back on request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The previous %1 rules are back (%2). Your edits are still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+25"/>
        <source>The previous rules could not be restored</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplyDialog</name>
    <message>
        <location filename="../ui/applydialog.ui"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Like iptables-apply: if a rule cuts you off, the helper restores the previous rules by itself when the time runs out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/applydialog.cpp" line="+87"/>
        <source>These rules go to &lt;b&gt;%1&lt;/b&gt;, over ssh: its DOCKER-USER is the one replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Review and apply to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Apply to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Without automatic revert, a rule that cuts off ssh leaves %1 out of reach from here until someone restores its rules at its console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>DOCKER-USER (%1) will be replaced in one step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DOCKER-USER will be replaced in %1, one family after the other, each in one step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: the rules stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 added, %3 removed, %4 moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Who can reach the published ports:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>moved from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applydialog.ui"/>
        <source>Changes to apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Each family&apos;s DOCKER-USER as it will be: + added, - removed, ~ moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>&amp;Revert automatically unless I keep the new rules within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Seconds to decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>How long the new rules stay active without Keep before the previous ones come back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <location filename="../app/applydialog.cpp" line="-84"/>
        <source>Review and apply</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChainDescriptions</name>
    <message>
        <location filename="../app/chaindescriptions.cpp" line="+94"/>
        <source>docker-ext-bridges-v4/-v6 is the ipset in which Docker 28.0 keeps the subnets of its bridge networks (those that are not --internal): this rule matches traffic to or from any of them. Docker fills the set itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Docker 28&apos;s protection against direct routing: drops packets for a container&apos;s address that arrive on any interface but the container&apos;s own bridge, so that only published ports reach it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Docker&apos;s published ports: rewrites the destination of traffic to a host port to the container (DNAT). Docker rewrites it whenever a container starts or stops; an edit would be lost or break port publishing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Swarm&apos;s routing mesh: sends traffic for a service&apos;s published port to the ingress network (DNAT). Docker maintains it while the node is in a swarm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A chain of the nat table, shown for reference. Userchain never changes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The raw table sees packets before connection tracking and before DOCKER-USER; rules in DOCKER-USER cannot let through what it drops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Here Docker drops packets for a published port of a container that arrive on any interface but the container&apos;s own bridge (direct routing), one rule per published port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Here Docker drops packets for a container&apos;s address that arrive on any interface but the container&apos;s own bridge (direct routing), one rule per container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A chain of the raw table, shown for reference. Userchain never changes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your rules. Forwarded traffic passes here before any of Docker&apos;s rules, and Docker never changes what you put here. RETURN hands a packet on to Docker; ACCEPT skips Docker&apos;s own checks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accepts traffic to the ports containers publish. Docker rewrites it whenever a container starts or stops; an edit would be lost or open the wrong port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First stage of the isolation between Docker networks: sends traffic that leaves a bridge to stage 2. Docker manages it; an edit could connect networks that are meant to be apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Drops traffic crossing from one Docker network into another. Docker manages it; an edit could connect networks that are meant to be apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Docker 28&apos;s entry point from FORWARD: runs Docker&apos;s connection-tracking, internal-network and bridge chains. Docker rebuilds it at start; edits are lost and can cut containers off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sends traffic for each Docker bridge to the DOCKER chain (Docker 28). Docker rebuilds it whenever a network changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accepts replies of connections containers take part in (Docker 28). Docker rebuilds it; breaking it stops replies reaching containers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keeps --internal networks from reaching outside (Docker 28). Docker rebuilds it; an edit could let an internal network out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Swarm&apos;s published ports: accepts traffic to and from the ports of swarm services (the routing mesh). Docker maintains it while the node is in a swarm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Docker jumps from here to DOCKER-USER first, then to DOCKER-FORWARD, which runs Docker&apos;s other chains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Docker jumps from here to DOCKER-USER first; its next rules match all its bridges at once through the ipset docker-ext-bridges-v4 (-v6), accept replies, and send new connections to DOCKER.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Docker jumps from here to DOCKER-USER first, then to DOCKER-ISOLATION-STAGE-1; then, for each of its bridges, it accepts replies, sends new connections to DOCKER and accepts what leaves the bridge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Docker puts its jumps here, DOCKER-USER first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The kernel&apos;s chain for forwarded traffic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Userchain only ever restores the jump to DOCKER-USER, and only when you ask.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A chain Docker created. Docker manages it; do not edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A chain that is not Docker&apos;s, shown for reference. Userchain never changes it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChainLayout</name>
    <message>
        <location filename="../app/chainlayout.cpp" line="+84"/>
        <source>DOCKER-USER is empty, as Docker 28.2.2 and later create it: forwarded packets go straight on to Docker&apos;s own rules. Rules you add here run first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The final &lt;tt&gt;-j RETURN&lt;/tt&gt; is the one Docker up to 28.2.1 appends. It is harmless: a packet that reaches it goes on to Docker&apos;s own rules, just as at the end of an empty chain. New rules go before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rule %1 accepts every packet that reaches it. In DOCKER-USER an ACCEPT is final: those packets skip Docker&apos;s own checks (published ports, network isolation). Use RETURN to hand packets on to Docker instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rule %1 drops every packet the rules above it did not let through: containers get only the traffic those rules allow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rule %1 (&lt;tt&gt;%2&lt;/tt&gt;) ends the chain for every packet, so the rule after it is never reached. Move it above rule %1, or delete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Rule %1 (&lt;tt&gt;%2&lt;/tt&gt;) ends the chain for every packet, so the %n rules after it are never reached. Move them above it, or delete them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChainListModel</name>
    <message>
        <location filename="../app/chainlistmodel.cpp" line="+31"/>
        <source>Your rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Docker&apos;s chains (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Built-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>nat table (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>raw table (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+97"/>
        <source>%1 (missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (left over, active)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (left over, inactive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Left over from Docker&apos;s iptables mode. FORWARD still jumps here, so the kernel still applies these rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Left over from Docker&apos;s iptables mode. Nothing jumps here: these rules have no effect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>editable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>read-only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChainRulesModel</name>
    <message>
        <location filename="../app/chainrulesmodel.cpp" line="+129"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChainView</name>
    <message>
        <location filename="../app/chainview.cpp" line="+38"/>
        <source>Rules of the chain (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>policy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>user chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2 table, %3, read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rules of %1 (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../ui/confirmdialog.ui"/>
        <source>&lt;b&gt;Keep these rules?&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>The new DOCKER-USER rules are active. If containers are still reachable as you expect, keep them; otherwise, or if you do nothing, the previous rules come back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>&amp;Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>&amp;Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/confirmdialog.cpp" line="+18"/>
        <source>Keep these rules? (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new %1 DOCKER-USER rules are active. If containers are still reachable as you expect, keep them; otherwise, or if you do nothing, the previous rules come back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <location line="+9"/>
        <source>Reverting in %n seconds.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/confirmdialog.ui"/>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Keep these rules?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../app/connectdialog.cpp" line="+19"/>
        <source>Connect to Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Userchain logs in with ssh as you would (your ~/.ssh/config, keys and agent) and talks to the Userchain helper installed there. The host opens in a window of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>[user@]host[:port]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[user@]host[:port], or one of the recent hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An IPv6 address goes in brackets: [2001:db8::1]:2222</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;onnect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionBar</name>
    <message>
        <location filename="../app/connectionbar.cpp" line="+33"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>ssh needed to ask something (a password or whether to trust the host key) but found no program to ask with: install ssh-askpass, or log in once from a terminal and use a key in ssh-agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 needs systemd-stdio-bridge (package systemd) for Userchain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ssh does not trust the host key of %1: check it, then log in once from a terminal to accept it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the system bus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connecting to %1 over ssh…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If ssh needs a password, or must ask whether to trust the host key of %1, it asks in a window of its own (ssh-askpass).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop logging in to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not connect to the system bus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not connect to %1 over ssh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to %1 again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection to %1 was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your unapplied edits are kept. Reconnect to read the rules again and apply them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to %1 again (a new ssh session)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CopyToHost</name>
    <message>
        <location filename="../app/copytohost.cpp" line="+29"/>
        <source>this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 rule %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>These rules cannot be carried to another host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no DOCKER-USER table here to carry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Userchain keeps these rules exactly as the kernel of %1 holds them, without reading them, so they cannot be written on another host:

%2

Delete or rewrite them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Apply These Rules to Another Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The DOCKER-USER rules shown here (%1, unapplied edits included) replace those of the host you choose, in its own window: you review the difference to its current rules before anything is applied there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>These rules are already those of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Reading the rules of %1 before the rules of %2 replace them…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Rules of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has no %2 DOCKER-USER that Userchain can edit: those rules were not carried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DockerUserIntro</name>
    <message>
        <location filename="../app/dockeruserintro.cpp" line="+64"/>
        <source>Hide explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What is DOCKER-USER?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide the explanation of DOCKER-USER; the legend stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show what DOCKER-USER is and what its targets do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>before DOCKER-FORWARD and Docker&apos;s other chains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before Docker&apos;s own rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first rule of FORWARD jumps here, so every packet the host forwards passes these rules %1: traffic from outside to containers&apos; published ports, from containers out, and between Docker networks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rule %1 of FORWARD jumps here, so the packets the host forwards pass these rules after FORWARD&apos;s first rules, %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>FORWARD should jump here first, so that every packet the host forwards (to and from containers) passes these rules %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;DOCKER-USER&lt;/b&gt; is the chain Docker leaves to you: Docker never changes the rules in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A packet is checked rule by rule until one matches: &lt;b&gt;RETURN&lt;/b&gt; hands it on to Docker&apos;s rules (published ports open, networks kept apart), &lt;b&gt;DROP&lt;/b&gt; discards it, &lt;b&gt;ACCEPT&lt;/b&gt; lets it through at once, past Docker&apos;s own checks. A packet no rule matches goes on to Docker&apos;s rules, as with RETURN.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditSession</name>
    <message>
        <location filename="../app/editsession.cpp" line="+242"/>
        <source>Keep my edits on top of the system&apos;s rules</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExposureModel</name>
    <message>
        <location filename="../app/exposuremodel.cpp" line="+75"/>
        <source>Published on all addresses and open to anyone: bind it to one address (-p 127.0.0.1:PORT:PORT) or restrict it in DOCKER-USER.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>IPv6 is open while IPv4 is restricted: add the same rules to IPv6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 may be served by Docker&apos;s userland proxy (docker-proxy): filter INPUT decides, DOCKER-USER does not see that traffic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+89"/>
        <source>not published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>may be open via docker-proxy (INPUT decides)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Published port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IPv4: who can connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IPv6: who can connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExposureSummary</name>
    <message>
        <location filename="../core/exposuresummary.cpp" line="+75"/>
        <source>anyone except %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+29"/>
        <location line="+3"/>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="-30"/>
        <source> and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>any interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any interface except %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 except %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+96"/>
        <source>anyone on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-95"/>
        <location line="+95"/>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-81"/>
        <location line="+117"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-112"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+1"/>
        <location line="+73"/>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-73"/>
        <source>%1; the rest %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+28"/>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-24"/>
        <source>anyone, any interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+21"/>
        <source>only %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-5"/>
        <source>other interfaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 rule %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: %2 (newly published)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExposureView</name>
    <message>
        <location filename="../app/exposureview.cpp" line="+38"/>
        <source>Who can reach your containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Each port Docker publishes and which new connections from outside reach its container under the rules as the tables show them now, your unapplied edits included. Traffic between containers on Docker&apos;s own bridges is not counted. Select a port to see which rule decides each part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Published ports and who can reach them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Details of the selected port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Evaluating the rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Includes your unapplied edits (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The rules as they are in the kernel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&lt;p&gt;&lt;b&gt;No published ports.&lt;/b&gt; nat DOCKER has no DNAT rule in either family: no container publishes a port, or Docker does not manage iptables here.&lt;/p&gt;&lt;p&gt;When Docker&apos;s iptables (or ip6tables) is off, its userland proxy serves published ports through filter INPUT, which DOCKER-USER does not see.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select a port to see which rule decides each part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>published by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no new connection reaches it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Let in by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept out by:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FamilyPage</name>
    <message>
        <location filename="../app/familypage.cpp" line="+46"/>
        <source>%1 chains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DOCKER-USER, which you edit, and Docker&apos;s own chains, read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Reading the firewall…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asking Userchain&apos;s helper for the %1 filter and nat tables.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (nothing to edit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+135"/>
        <source>Left over from Docker&apos;s iptables mode and still active: this jump sends every forwarded packet through DOCKER-USER. Docker in nftables mode neither adds nor removes it; it is gone when deleted or after a reboot.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FamilyText</name>
    <message>
        <location filename="../app/familytext.cpp" line="+19"/>
        <source>IPv6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IPv4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is an %2, but these rules are for %3 (%4). Enter an %3 address, or add the rule on the %5 tab.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirewallMode</name>
    <message>
        <location filename="../app/firewallmode.cpp" line="+71"/>
        <source>Docker recommends putting your own rules in an nftables table of your own, with a base chain on the same hook as Docker&apos;s (type filter hook forward); a lower priority number runs before Docker&apos;s chains. An accept there is not final: to let through what Docker would drop, set a firewall mark and start Docker with --bridge-accept-fwmark. For example (load with nft -f):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../app/guidedialog.cpp" line="+14"/>
        <source>Userchain guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelperClient</name>
    <message>
        <location filename="../app/helperclient.cpp" line="+120"/>
        <source>already restored by the helper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>reverted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelperCodeText</name>
    <message>
        <location filename="../app/helpercodetext.cpp" line="+39"/>
        <source>Docker&apos;s %1 chains are in iptables-legacy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Docker&apos;s %1 chains are in iptables-nft (nf_tables).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Docker&apos;s %1 chains exist in both iptables-legacy and iptables-nft; Userchain uses %2, the variant `%3 -V` reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Docker&apos;s %1 chains exist in both iptables-legacy and iptables-nft; Userchain uses %2, the one holding DOCKER-USER.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>/etc/docker/daemon.json sets &quot;%1&quot;: false, so Docker creates no %2 chains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Docker uses its nftables firewall backend (Docker 29 and later, &quot;firewall-backend&quot;: &quot;nftables&quot;): it creates no DOCKER-USER chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No Docker %1 chains were found in iptables-legacy or iptables-nft. Is Docker running?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The %1-legacy filter table cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>`%1-nft-save` could not be run, so Userchain cannot tell whether Docker&apos;s chains are in nf_tables: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The %1 copy of Docker&apos;s chains is ignored; it is probably left over from an earlier Docker or iptables setup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>`%1` is the nf_tables variant, but Docker&apos;s chains are in the legacy tables: Docker was started with `%1-legacy`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1-legacy tables exist too, but hold none of Docker&apos;s chains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>/etc/docker/daemon.json disables Docker&apos;s %1 rules: the chains shown are left over, and Docker will not maintain them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Docker uses its nftables backend (table docker-bridges): a DOCKER-USER chain here is left over from iptables mode and Docker no longer maintains it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>/etc/docker/daemon.json is not valid JSON, so Userchain cannot tell how Docker is configured (and Docker will not start with it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>/etc/docker/daemon.json cannot be read, so Userchain cannot tell whether Docker manages the firewall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>/etc/docker/daemon.json is too large to be read (over %1 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>FORWARD does not jump to DOCKER-USER, so its rules have no effect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FORWARD jumps to DOCKER-USER at position %1; the rules before it see packets first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The rule is longer than the %1 bytes the helper takes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The rule is too long to be written as one line of an iptables-restore file, as the saved rules and exports are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The reference to a rule kept as it is (%1 characters at most) is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This rule, which Userchain keeps as it is, is no longer in DOCKER-USER: the chain changed. Reload and apply again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A rule Userchain keeps as it is appears twice; it can only be moved, not copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This rule uses extensions Userchain does not know (%1), so its text cannot be loaded again. Replace or delete it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The firewall backend cannot write this rule where it is. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>(%n more errors)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rule %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelperError</name>
    <message>
        <location filename="../app/helperclient.cpp" line="-108"/>
        <source>There is no connection to the system bus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no connection to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/helpererror.cpp" line="+42"/>
        <source>Could not log in to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The Userchain helper is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Userchain helper cannot be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not authorized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Authorization cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DOCKER-USER changed outside Userchain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The helper refused a rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The helper refused the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DOCKER-USER does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The firewall backend is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The firewall is busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The confirmation period has already ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The installed helper is too old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The helper reported an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Userchain reads and changes the firewall only through its system helper (io.github.userchain.Helper1 on the system bus), and the bus does not know it. Install Userchain&apos;s helper package, which brings userchain-helper with its D-Bus and polkit files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Userchain reads and changes the firewall of %1 only through the system helper there (io.github.userchain.Helper1 on its system bus), and that bus does not know it. Install Userchain&apos;s helper package on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ssh could not log in to %1, so nothing could be read there. Fix what ssh says, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The system bus or the helper did not answer. The helper may have failed to start; its log is in the system journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The connection to %1 or the helper there did not answer. The helper may have failed to start; its log is in the journal of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The policy (polkit) of %1 did not allow this for the user ssh logged in as. Over ssh no password can be asked, so only a rule on %1 can allow it: Userchain ships one, inactive, that lets members of the group &quot;userchain&quot; read and apply. To enable it, run these commands on %1 as root (USER: the user you log in as; membership counts from the next login). Saving rules permanently still needs an administrator there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The system&apos;s policy (polkit) did not allow this. Reading the firewall needs an active local session; changing it needs an administrator&apos;s password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The authentication dialog was closed, so nothing was read or changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The rules in DOCKER-USER are no longer the ones your edits started from (someone ran iptables, or Docker restarted). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Docker has not created DOCKER-USER (it is not running, or it runs without iptables). Userchain can create the chain together with your rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Another program holds the xtables lock or a confirmation is pending. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The helper already restored or kept the rules of this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The userchain-helper on this system does not offer this function yet. Update the Userchain helper package to the version of this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostConnection</name>
    <message>
        <location filename="../app/hostconnection.cpp" line="+165"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ssh ended before it logged in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportExport</name>
    <message>
        <location filename="../app/importexport.cpp" line="+30"/>
        <source>Export DOCKER-USER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+199"/>
        <source>Import rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-194"/>
        <source>iptables-restore files (*.conf *.rules *.v4 *.v6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+58"/>
        <location line="+46"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 to %2 (load with: %3-restore -n %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+30"/>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was not imported: one line could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 was not imported: %n lines could not be read.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Import one rule from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Import %n rules from %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The table already ends with %1; it was not added again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 holds one DOCKER-USER rule. Add it to the %2 table, or replace the table with it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1 holds %n DOCKER-USER rules. Add them to the %2 table, or replace the table with them?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add puts each rule where its command says: -I at the top (or at its position), -A at the end but before a final rule such as Docker&apos;s -j RETURN. Replace removes every rule the table has now; Undo brings them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Replace the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-63"/>
        <source>%1 has no DOCKER-USER rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+61"/>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Docker&apos;s example policy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayoutHint</name>
    <message>
        <location filename="../app/layouthint.cpp" line="+51"/>
        <source>Move it above rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move them above rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Move the unreachable rule above rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Move %n unreachable rules above rule %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LintReview</name>
    <message>
        <location filename="../app/lintreview.cpp" line="+45"/>
        <source>Worth a check in the rules you add or change:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.ui"/>
        <source>Address family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>&amp;Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Fire&amp;wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Read DOCKER-USER rules from an iptables-restore file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>The policy of Docker&apos;s page, for the first external interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>&amp;Export as iptables.conf and ip6tables.conf…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Write DOCKER-USER to files for iptables-restore -n (and ip6tables-restore -n)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+Shift+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>&amp;Add rule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Type a new rule, checked as you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>&amp;Edit rule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Edit the selected rule&apos;s full text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>&amp;Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Copy the selected rules below them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>De&amp;lete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Delete the selected rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Del</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Move the selected rules one place up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Move do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Move the selected rules one place down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>&amp;Copy as iptables command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Copy the selected rules as iptables -I DOCKER-USER command lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+Shift+C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Search the rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Allow only one &amp;IP address…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Allow only a &amp;subnet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Allow only a &amp;range…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Open a &amp;published port…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Source &amp;and destination…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Read the rules and counters again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>F5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Refresh counters every &amp;5 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>&amp;Apply…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Review the changes and apply them to the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>IPv&amp;4 (iptables)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Show the IPv4 chains and DOCKER-USER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>IPv&amp;6 (ip6tables)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Show the IPv6 chains and DOCKER-USER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>&amp;Save permanently…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Keep the active rules after a reboot: without this, DOCKER-USER is empty again when the machine restarts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Res&amp;tore saved rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Replace the active rules of the family on screen with the saved ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>&amp;About Userchain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="+94"/>
        <source>Exposure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+81"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+234"/>
        <source>Exposure[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DOCKER-USER (%1)[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: Exposure[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: DOCKER-USER (%2)[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>F&amp;ix: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Fix: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Discard changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DOCKER-USER has changes that were not applied (%1). Quit anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>About Userchain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Userchain&lt;/b&gt; %1&lt;br&gt;Edits Docker&apos;s DOCKER-USER chain of iptables and ip6tables and shows Docker&apos;s own chains read-only. Changes reach the system only through Apply, via the userchain-helper service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui"/>
        <source>&amp;Colour scheme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Import Docker&apos;s e&amp;xample policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Move u&amp;p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Start from the recommended p&amp;olicy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Follow the &amp;system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Use the desktop&apos;s style and colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Dark text on a light background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Light text on a dark background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>&amp;Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>What DOCKER-USER is, and how to build each example of Docker&apos;s page here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>&amp;Exposure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Show who can reach each published port, IPv4 and IPv6 side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <location filename="../app/mainwindow.cpp" line="-89"/>
        <source>F&amp;ix rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Apply the fix offered for the selected rule (the mark by its number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Test a &amp;packet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Follow one packet through the rules, your edits included: which rules it meets and what decides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Connect to &amp;Host…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Edit the DOCKER-USER chain of another host over ssh, in a window of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+Shift+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Apply These Rules to Another &amp;Host…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Replace another host&apos;s DOCKER-USER with the rules shown here, after reviewing the difference there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>&amp;Close Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+W</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <location filename="../app/messagebanner.cpp" line="+19"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Close this message (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OnlyIpPage</name>
    <message>
        <location filename="../app/onlyippage.cpp" line="+12"/>
        <source>Allow only one IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drops traffic to your containers that arrives on the external interface from any address but this one. Container-to-container traffic, which does not come in on that interface, is not affected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>External &amp;interface:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where traffic from outside arrives, e.g. eth0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Allowed address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The one address that may reach your containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose or type the external interface (where traffic from outside arrives).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter the one address that may reach your containers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter one address; the subnet and range wizards allow more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Traffic arriving on %1 to any container is dropped unless it comes from %2; other interfaces are not affected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OnlyRangePage</name>
    <message>
        <location filename="../app/onlyrangepage.cpp" line="+21"/>
        <source>Allow only a range of addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drops traffic from outside the range. The iprange match (-m iprange) that --src-range needs is added for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only for traffic to this &amp;destination range:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>External &amp;interface:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where traffic from outside arrives, e.g. eth0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allowed &amp;range:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First and last address, e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destination range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose or type the external interface (where traffic from outside arrives).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter the allowed range as FIRST-LAST, e.g. %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Enter the destination range as FIRST-LAST.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Traffic arriving on %1 to %2 is dropped unless it comes from %3; other destinations and interfaces are not affected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Traffic arriving on %1 to any container is dropped unless it comes from %2; other interfaces are not affected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OnlySubnetPage</name>
    <message>
        <location filename="../app/onlysubnetpage.cpp" line="+12"/>
        <source>Allow only a subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drops traffic to your containers that arrives on the external interface from outside this subnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>External &amp;interface:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where traffic from outside arrives, e.g. eth0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allowed &amp;subnet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A network with its prefix length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose or type the external interface (where traffic from outside arrives).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter the subnet with its prefix length, e.g. %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Traffic arriving on %1 to any container is dropped unless it comes from %2; other interfaces are not affected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PacketInput</name>
    <message>
        <location filename="../app/packetinput.cpp" line="+25"/>
        <source>%1: %2 is an %3 address, but the packet is %4. Choose %3 as the family, or type an %4 address such as %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: a packet has one address; %2 is a network or a range. Type one address such as %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: &quot;%2&quot; is not an %3 address (e.g. %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Type the packet&apos;s source address, e.g. %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type the interface the packet arrives on, e.g. eth0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Interface: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Interface: a packet arrives on one interface; &quot;%1&quot; is a wildcard that rules use. Type a name such as eth0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choose a published port or type the destination port (1 to 65535).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Port: &quot;%1&quot; is not a port number (1 to 65535).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PacketTestDialog</name>
    <message>
        <location filename="../app/packettestdialog.cpp" line="+66"/>
        <source>Test a packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Follows one packet through the rules as the table shows them now, your edits not yet applied included, and marks the rules it matches in the window&apos;s tables.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Problem with the packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Notes on the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+62"/>
        <source>new connection (its first packet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>established connection (a later packet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>icmp (ping)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a published port, or a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>optional; empty: an address of this host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Family:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IPv4 follows the iptables rules, IPv6 the ip6tables ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new connection passes Docker&apos;s DNAT and most rules; a later packet of an established one is let through by the RELATED,ESTABLISHED rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Source address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where the packet comes from: one address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arriving on &amp;interface:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The interface the packet arrives on; the list holds this host&apos;s and those the rules name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Protocol:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destination p&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The port the client connects to: one Docker publishes, or any number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Destination address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: the address the client connects to; empty means an address of this host, as for a published port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+117"/>
        <source>%1/%2 to %3 port %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, only on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+89"/>
        <source>There are no %1 chains to follow: the %1 tab says why.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersistenceController</name>
    <message>
        <location filename="../app/persistencecontroller.cpp" line="+79"/>
        <source>Saved: —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved: unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved: lost at reboot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved for reboot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unsaved changes since the last save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>There is no %1 DOCKER-USER to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not ask for the saved rules: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asking the helper for the saved rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DOCKER-USER holds only what Docker puts there, and nothing is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The active %1 rules were never saved: they vanish at the next reboot. Use Save permanently to keep them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The active %1 rules are saved (%2) and come back at boot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The active %1 rules differ from the ones saved on %2: after a reboot the saved ones come back. Save permanently to keep the active ones, or restore the saved ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+116"/>
        <source>There is no DOCKER-USER to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rules in DOCKER-USER live only in the kernel: they vanish at the next reboot, and Docker then starts with an empty DOCKER-USER. Save permanently writes the active rules of %1 to /etc/userchain; userchain-restore.service puts them back at boot and whenever Docker restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Your edits to %1 are not applied yet and are not saved: saving writes the rules that are active now. Apply first to save your edits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save permanently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Save the active rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Do not explain this again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saving… the system may ask for an administrator&apos;s password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved the active %1 rules to %2; they come back at boot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The %1 rules were not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-63"/>
        <source>%1 (one rule)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%1 (%n rules)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Replace the active %1 DOCKER-USER with the one rule saved on %2? The change takes effect at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Replace the active %1 DOCKER-USER with the %n rules saved on %2? The change takes effect at once.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Your unapplied %1 edits are discarded (export them first to keep them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore saved %1 rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Restoring the saved %1 rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The saved %1 rules are active again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The saved %1 rules were not restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saving rules for the next boot changes the system: it needs an administrator&apos;s password (polkit action io.github.userchain.persist), and the system did not allow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restoring rules changes the firewall: it needs an administrator&apos;s password (polkit action io.github.userchain.apply), and the system did not allow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The authentication dialog was closed, so nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The authentication dialog was closed, so nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The active %1 DOCKER-USER holds rules Userchain keeps verbatim (they use extensions it does not know). Such rules cannot be written to the saved file, so nothing was saved. Replace or delete them, apply, and save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The saved %1 file holds a rule the helper refuses, so nothing was restored. Save the active rules again to replace the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no %1 DOCKER-USER chain: Docker has not created it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The helper cannot write %1 rules on this host (no backend it can write to).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Another program holds the xtables lock, or a confirmed apply is still waiting to be kept. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PolicyPreviewPage</name>
    <message>
        <location filename="../app/policypreviewpage.cpp" line="+15"/>
        <source>Review the policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These rules go into DOCKER-USER in this order. Nothing reaches the system until you Apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rules of the policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the rules do</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>&amp;Replace the table (its %n rules are removed; Undo brings them back)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add to the table, before its final RETURN</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PublishedPortPage</name>
    <message>
        <location filename="../app/publishedportpage.cpp" line="+14"/>
        <source>Open a published port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lets traffic to one of Docker&apos;s published host ports through (RETURN hands it on to Docker&apos;s own rules). Packets reach DOCKER-USER after Docker has rewritten their destination to the container, so --dport would see the container&apos;s port, not the one clients connect to: the rule matches the original destination port with conntrack&apos;s --ctorigdstport, and --ctdir ORIGINAL keeps replies from matching too. With sources, each gets its RETURN and a DROP for the port follows, so that nobody else reaches it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. 8080</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, only on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2%3, to container %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>any interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>optional, e.g. %1; empty: everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Arriving on &amp;interface:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the clients&apos; traffic arrives; the other interfaces are not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only from &amp;sources:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: addresses or subnets, separated by commas or spaces; everyone else is dropped. Empty means everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+83"/>
        <source>%1/%2 (→ %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: open to everyone on any interface.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: open to everyone on %2; unchanged on other interfaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: only from %2, on every interface; everyone else is dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: only from %2 on %3; unchanged on other interfaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-104"/>
        <source>Host &amp;port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A port Docker publishes on this host, or a port number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;rotocol:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Choose a published port or type a port number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a port number (1-65535).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RawRuleDialog</name>
    <message>
        <location filename="../ui/rawruledialog.ui"/>
        <source>Type the rule as you would after &lt;tt&gt;iptables -A DOCKER-USER&lt;/tt&gt;, for example &lt;tt&gt;-i eth0 ! -s 192.168.1.1 -j DROP&lt;/tt&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/rawruledialog.cpp" line="+24"/>
        <source>A&amp;lso add to the %1 table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only a rule without an address (and without ICMP of one family) can go to both tables.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type the %1 rule as you would after &lt;tt&gt;%2 -A DOCKER-USER&lt;/tt&gt;, for example &lt;tt&gt;-i eth0 ! -s %3 -j DROP&lt;/tt&gt;, or paste a whole &lt;tt&gt;%2&lt;/tt&gt; command from Docker&apos;s page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Valid: one rule per address of the list, as iptables makes them: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>This is an %1 command: its rule belongs in the %2 table. Add it there, or start the line with %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Type a rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Valid. iptables-save will show it as: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/rawruledialog.ui"/>
        <source>&amp;Rule:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>The rule&apos;s options as after iptables -A DOCKER-USER; checked as you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location/>
        <source>Check result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RebaseNotice</name>
    <message>
        <location filename="../app/rebasenotice.cpp" line="+8"/>
        <source>DOCKER-USER (%1) changed outside Userchain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The system&apos;s rules are no longer the ones your edits started from, so Apply would be refused.
Keep my edits: your edits go on top of the current rules. Rules added outside stay in their place (marked), rules removed outside stay removed, and you review the result before anything is applied.
Reload: shows the current rules and discards your edits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keep my edits (rebase)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reload (discard my edits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n rule added outside Userchain was kept and is marked (bold) in the table.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n rules added outside Userchain were kept and are marked (bold) in the table.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n rule removed outside Userchain stays removed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n rules removed outside Userchain stay removed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your table now holds the current rules: there is nothing to apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your edit is kept on top of the current rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Your %n edits are kept on top of the current rules.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review and apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review and apply…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>One rule was changed both here and outside Userchain; check it before you apply:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n rules were changed both here and outside Userchain; check them before you apply:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>You edited %1, which was removed outside Userchain. Your version is kept as a new rule:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You edited %1, which was changed outside Userchain too. Both versions are kept, yours and the one from outside (marked):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You deleted %1, which was changed outside Userchain. The changed rule is kept (marked); delete it again if you do not want it:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecommendedPolicyPage</name>
    <message>
        <location filename="../app/recommendedpolicypage.cpp" line="+21"/>
        <source>Start from the recommended policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Docker&apos;s example for a host facing the internet on one interface: replies to existing connections pass, some published ports are open to all, one is open to chosen subnets only, and everything else arriving on the WAN interface is dropped. You will see the rules before they are used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;WAN interface:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The interface facing the internet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ports &amp;open to everyone (TCP):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published ports, separated by spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port open to some &amp;subnets (TCP):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Those s&amp;ubnets:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Networks separated by spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose or type the WAN interface.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Enter the subnets that may reach port %1, or clear the port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>replies to existing connections pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>port %1 is open to everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ports %1 are open to everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>port %1 only from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On %1: %2; everything else arriving on %1 is dropped. Other interfaces are not affected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoveRulesCommand</name>
    <message>
        <location filename="../app/removerulescommand.cpp" line="+15"/>
        <source>Delete rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Delete %n rules</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RowLegend</name>
    <message>
        <location filename="../app/rowlegend.cpp" line="+15"/>
        <source>Rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Legend of the row styles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RowLints</name>
    <message>
        <location filename="../app/rowlints.cpp" line="+41"/>
        <source>Check: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fix (context menu or Edit menu): %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RowStyle</name>
    <message>
        <location filename="../app/rowstyle.cpp" line="+67"/>
        <source>Never hit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Never reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kept as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not (negated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not applied yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Added outside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check this rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Matched by the tested packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Packets pass through DOCKER-USER, but none has matched this rule since its counters were last reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An earlier rule ends the chain for every packet, so no packet gets here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Uses extensions Userchain does not know: kept exactly as it is; you can move or delete it, not edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The cell matches everything except what it names, e.g. every source but 192.168.1.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New or changed since the last Apply: the kernel counts packets only for rules it holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Added outside Userchain while you were editing, and kept in its place. Delete it if you do not want it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Worth a check, and proven from the rules: this rule never matches, repeats a rule above, tests a port Docker has already rewritten, skips Docker&apos;s checks with ACCEPT, drops replies to the containers&apos; own connections, or names an address no published container has. Userchain never guesses: what it cannot prove gets no mark. Point at the rule for the reason; its context menu and the Edit menu offer the fix where there is one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The packet of Firewall → Test a packet matches this rule on its way; the mark goes when that window closes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleActions</name>
    <message>
        <location filename="../app/ruleactions.cpp" line="+129"/>
        <source>%1 (from %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Added to %1 and %2; each family applies and undoes on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+5"/>
        <source>Add rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Add rule (also in %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Rule %1 is kept verbatim: it can be moved or deleted, not edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Add %1 rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Add %n rules</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+5"/>
        <source>Edit rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Duplicate rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Duplicate %n rules</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Move rule %1 up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move rule %1 down</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Move %n rules up</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Move %n rules down</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Copied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Replace rules with the recommended policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (also in %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Fix rule %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleCells</name>
    <message>
        <location filename="../app/rulecells.cpp" line="+105"/>
        <source>This rule is kept verbatim and cannot be edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <source>This column is edited in the rule dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Uses extensions Userchain does not know (%1). It is kept exactly as it is: you can move or delete it, not edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Never reached: rule %1 ends the chain for every packet before it gets here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No packet yet: no rule of DOCKER-USER has counted a packet since the counters were reset (just applied, or no forwarded traffic so far).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New or changed: no counters until it is applied.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleDelegate</name>
    <message>
        <location filename="../app/ruledelegate.cpp" line="+23"/>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleFormatter</name>
    <message>
        <location filename="../app/ruleformatter.cpp" line="+14"/>
        <source>not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+15"/>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+10"/>
        <source>range %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+58"/>
        <source>port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>from port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>published port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>original source port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>fragments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>original source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>original destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(count only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>goto %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleTableModel</name>
    <message>
        <location filename="../app/ruletablemodel.cpp" line="+208"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol / ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Edit %1 of rule %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Move rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Move %n rules</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RuleTableView</name>
    <message>
        <location filename="../app/ruletableview.cpp" line="+27"/>
        <source>Search rules (address, port, target, comment…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows only the rules whose text contains what you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>DOCKER-USER rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The rules in the order the kernel tries them. F2 edits a cell, Ctrl+Up and Ctrl+Down move the selected rules, Delete removes them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+124"/>
        <source>DOCKER-USER rules (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search %1 rules</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleWizard</name>
    <message>
        <location filename="../app/rulewizard.cpp" line="+23"/>
        <source>Add to &amp;table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+58"/>
        <source>&amp;Use these rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Allow only one IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allow only a subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allow only a range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a published port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source and destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start from the recommended policy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleWizardPage</name>
    <message>
        <location filename="../app/rulewizardpage.cpp" line="+37"/>
        <source>Rules to add to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rules to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What the rules do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Also add to the %1 table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adds the same rules to the other address family&apos;s DOCKER-USER; only possible for rules without an address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only rules without an address (and without ICMP of one family) can go to both tables: %1 addresses mean nothing to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Rule %1 (&lt;tt&gt;%2&lt;/tt&gt;) would catch these packets first: the new rule would never run below it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Rule %1 (&lt;tt&gt;%2&lt;/tt&gt;) would catch packets of the %n new rules first: below it they would not do what they say.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Insert ab&amp;ove rule %1, where they take effect (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Insert as rule %1 a&amp;nyway (never reached)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+84"/>
        <source>&amp;Keep replies to connections your containers open (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Adds -m conntrack --ctdir ORIGINAL: only connections from outside are dropped, not replies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Replies to connections your containers open pass, from any address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replies to connections your containers open are dropped too, unless they come from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. eth0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Rule %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Who can reach the published ports after Finish:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(none yet)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceDestPage</name>
    <message>
        <location filename="../app/sourcedestpage.cpp" line="+12"/>
        <source>Source and destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Combines a source with a destination, for example when the host listens on two addresses and the rule should apply to only one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>any (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DROP (discard)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RETURN (hand on to Docker&apos;s rules)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ACCEPT (final: skips Docker&apos;s checks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>REJECT (refuse with an error)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Destination:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incoming &amp;interface:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Optional; empty means any interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose a source, a destination, or both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>any address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>anywhere but %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is handed on to Docker&apos;s own rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is let through, skipping Docker&apos;s own checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is refused with an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Traffic from %1 to %2 %3, on any interface.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Traffic arriving on %1 from %2 to %3 %4; other interfaces are not affected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SshTunnel</name>
    <message>
        <location filename="../app/sshtunnel.cpp" line="+49"/>
        <source>Userchain could not make the local end of the ssh connection (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>ssh could not be started: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StateExplainer</name>
    <message>
        <location filename="../app/stateexplainer.cpp" line="+15"/>
        <source>iptables-legacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>iptables-nft (nf_tables)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Docker uses nftables: there is no DOCKER-USER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Docker runs with its nftables firewall backend (Docker 29 and later, table %1 docker-bridges), so it creates no %2 chains and no DOCKER-USER chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+35"/>
        <location line="+48"/>
        <source>Check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-73"/>
        <location line="+9"/>
        <source>Docker has no IPv6 chains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Docker is running (the IPv4 tab shows its chains) but filters only IPv4: it has created no ip6tables chains. Docker before 27 filters IPv6 only with &quot;ip6tables&quot;: true in /etc/docker/daemon.json (on Docker 20.10 an experimental option, so with &quot;experimental&quot;: true as well); Docker 27 and later do by default. Once Docker&apos;s IPv6 chains exist, Userchain can create DOCKER-USER for IPv6, which Docker 20.10 does not create itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Neither ip6tables-legacy nor ip6tables-nft holds Docker&apos;s IPv6 chains. Docker creates them when it filters IPv6 (&quot;ip6tables&quot;: true, the default since Docker 27); with an older Docker, or while Docker is stopped, there is no IPv6 DOCKER-USER to edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Docker&apos;s rules are not in iptables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neither iptables-legacy nor iptables-nft holds Docker&apos;s chains. Docker 29 can manage nftables directly (firewall-backend &quot;nftables&quot;); it then has no DOCKER-USER chain, and filtering is done in nftables instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This host uses the nf_tables backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Docker wrote its chains with %1-nft, so Userchain reads and writes DOCKER-USER there. `%1-legacy` shows none of these rules; use `%1-nft` (or `%1`, if it points to it) to inspect them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Left over from iptables mode, and still active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left over from iptables mode, and inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Docker now runs with its nftables backend and no longer maintains DOCKER-USER, but FORWARD still jumps to it (rule %1), so the kernel still applies these rules: a DROP here still drops, while an ACCEPT no longer overrides Docker&apos;s drops. The jump goes away when it is removed or at the next reboot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Docker now runs with its nftables backend and no longer maintains DOCKER-USER. Nothing jumps to this chain any more, so its rules have no effect; editing them changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Docker is set not to touch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>/etc/docker/daemon.json has &quot;%1&quot;: false, so Docker creates no %2 chains and sends no traffic through DOCKER-USER: rules here have no effect on containers. Remove the setting and restart Docker to use DOCKER-USER.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Docker is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None of Docker&apos;s chains exist, so Docker is stopped or has not started yet. Rules in DOCKER-USER take effect once Docker runs; Docker keeps them when it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>There is no DOCKER-USER chain for IPv6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Docker filters IPv6 here (its ip6tables chains exist) but, like Docker 20.10, creates DOCKER-USER only for IPv4, so no rule of yours sees IPv6 traffic to containers. Create it now together with the FORWARD jump; Docker will keep both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no DOCKER-USER chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Docker creates DOCKER-USER when it starts. You can create it now together with the FORWARD jump; Docker will keep both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create DOCKER-USER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>FORWARD does not jump to DOCKER-USER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Without `-A FORWARD -j DOCKER-USER` no packet reaches these rules. Docker adds the jump when it starts; Userchain can put it back at position 1 now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore the jump</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>DOCKER-USER is not first in FORWARD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FORWARD jumps to DOCKER-USER at position %1; the rules before it see packets first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The helper reports</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusFields</name>
    <message>
        <location filename="../app/statusfields.cpp" line="+49"/>
        <location line="+7"/>
        <source>Backend: —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>Docker chains: —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>Not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backend: %1 · Docker: nftables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backend: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Docker chains: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revision %1 · refreshed %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This window reads and changes the firewall of %1, over ssh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not connected to %1: see the bar above the tabs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host: %1, not connected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TracePath</name>
    <message>
        <location filename="../app/tracepath.cpp" line="+31"/>
        <source>no rule decided: the chain&apos;s policy, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>jump to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>go to %1 (without coming back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DNAT: the destination becomes %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RETURN: the chain&apos;s policy decides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RETURN: back to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ACCEPT: done with the %1 table, on to the next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>LOG: logged, on to the next rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>counted, on to the next rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>rule %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the policy of %1 (no rule matched)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+65"/>
        <location line="+66"/>
        <source>No rule matched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-66"/>
        <source>No rule matched: back to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>may or may not match: the answer depends on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No rule matched: on to the next table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ACCEPT: no rule in these tables stops the packet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ACCEPT: the host itself receives the packet; decided by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ACCEPT: the packet reaches %1; decided by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ACCEPT: the packet reaches %1 through %2; decided by %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ACCEPT: the packet is forwarded; decided by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>DROP: %1 drops the packet; the client gets no answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>REJECT: %1 refuses the packet; the client gets an error at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown: Userchain cannot tell what happens to this packet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown: the answer %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>your rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>built-in chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Docker&apos;s chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>user chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>rule %1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 %2 (%3): %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TracePathView</name>
    <message>
        <location filename="../app/tracepathview.cpp" line="+72"/>
        <location line="+77"/>
        <source>Path of the tested packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2, rule %3: %4, %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+168"/>
        <source>rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>policy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Userchain::Addresses</name>
    <message>
        <location filename="../core/addresses.cpp" line="+110"/>
        <source>&quot;%1&quot; is not an IPv4 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot; is not an IPv6 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+54"/>
        <source>&quot;%1&quot; is not a valid prefix length (0 to %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; is not a valid network mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+80"/>
        <source>range &quot;%1&quot; ends before it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>port &quot;%1&quot; has a leading zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>port &quot;%1&quot; is out of range (0 to 65535)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>unknown service name &quot;%1&quot; for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a port number or service name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>port range &quot;%1&quot; ends before it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+125"/>
        <source>an interface name is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>interface name &quot;%1&quot; is longer than 15 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>interface name &quot;%1&quot; contains &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Userchain::BusTarget</name>
    <message>
        <location filename="../core/bustarget.cpp" line="+48"/>
        <source>no host given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not a user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot;: missing ]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot;: only :PORT may follow ]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; is not an IPv6 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot;: write an IPv6 address in brackets, as [%1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; is not a host name or address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not a port (1 to 65535)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Userchain::ChainWalker</name>
    <message>
        <location filename="../core/chainwalker.cpp" line="+57"/>
        <location filename="../core/exposure.cpp" line="+237"/>
        <source>depends on rule %1 of %2 (uses %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+98"/>
        <source>chains nested too deeply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the missing chain %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Userchain::Exposure</name>
    <message>
        <location filename="../core/exposure.cpp" line="+45"/>
        <source>depends on net.ipv4.conf.*.route_localnet: packets to %1 that arrive on other interfaces are dropped as martians unless it is 1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Userchain::Extensions</name>
    <message>
        <location filename="../core/xt/xtsupport.cpp" line="+48"/>
        <source>an empty list of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown %1 &quot;%2&quot; (one of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&quot;%1&quot; is not %2 (%3 to %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&quot;%1&quot; is not a prefix length (0 to %2) or a network mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/xt/ports.cpp" line="+40"/>
        <source>&quot;! %1 0:65535&quot; would match no packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+78"/>
        <source>unknown TCP flag &quot;%1&quot; (one of %2, ALL, NONE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-14"/>
        <source>&quot;%1&quot; is not a TCP option number (0 to 255)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&quot;-m tcp&quot; needs &quot;-p tcp&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+74"/>
        <source>&quot;-m udp&quot; needs &quot;-p udp&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/xt/icmp.cpp" line="+127"/>
        <source>unknown ICMP type &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+79"/>
        <source>&quot;-m icmp&quot; needs &quot;-p icmp&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&quot;-m icmp6&quot; needs &quot;-p ipv6-icmp&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;-m icmp6&quot; needs &quot;--icmpv6-type&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/xt/ports.cpp" line="+52"/>
        <source>port range &quot;%1&quot; must go from a lower to a higher port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>too many ports in &quot;%1&quot; (at most 15; a range counts as two)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&quot;-m multiport&quot; needs &quot;-p tcp&quot;, &quot;-p udp&quot;, &quot;-p udplite&quot;, &quot;-p sctp&quot; or &quot;-p dccp&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;-m multiport&quot; needs &quot;--dports&quot;, &quot;--sports&quot; or &quot;--ports&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;-m multiport&quot; takes only one of &quot;--dports&quot;, &quot;--sports&quot; and &quot;--ports&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/xt/addressmatches.cpp" line="+315"/>
        <source>&quot;-m iprange&quot; needs &quot;--src-range&quot; or &quot;--dst-range&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/xt/conntrack.cpp" line="+299"/>
        <source>conntrack state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>unknown protocol &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not a protocol for --ctproto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>unknown conntrack status &quot;%1&quot; (one of NONE,%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&quot;%1&quot; is not an expiry time in seconds (N or N:M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>unknown direction &quot;%1&quot; (ORIGINAL or REPLY)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;-m conntrack&quot; needs at least one option, e.g. &quot;--ctstate&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;-m state&quot; needs &quot;--state&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/xt/commentlimit.cpp" line="+135"/>
        <source>comment is longer than 255 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>comment contains a line break or NUL character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>comment contains a control character (such as ESC or CR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;-m comment&quot; needs &quot;--comment&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/xt/addressmatches.cpp" line="+24"/>
        <source>&quot;%1&quot; is not a MAC address (XX:XX:XX:XX:XX:XX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;-m mac&quot; needs &quot;--mac-source&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/xt/commentlimit.cpp" line="-42"/>
        <source>&quot;%1&quot; is not a rate (e.g. 5/second, 10/minute, 3/hour, 1/day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>rate &quot;%1&quot; is too fast (at most 10000/second)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+72"/>
        <source>burst &quot;%1&quot; is not a number from 1 to 10000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/xt/addressmatches.cpp" line="+23"/>
        <location line="+5"/>
        <source>address type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;-m addrtype&quot; needs &quot;--src-type&quot; or &quot;--dst-type&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;--limit-iface-in&quot; and &quot;--limit-iface-out&quot; exclude each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&quot;%1&quot; is not an ipset name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>too many set directions in &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is not a set direction (src or dst)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;-m set&quot; needs &quot;--match-set NAME src|dst&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/xt/rejectlog.cpp" line="+37"/>
        <source>unknown reject type &quot;%1&quot; (one of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+115"/>
        <source>&quot;--reject-with tcp-reset&quot; needs &quot;-p tcp&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>log prefix is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>log prefix is longer than 29 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>log prefix contains a line break or NUL character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>log prefix contains a control character (such as ESC or CR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>unknown log level &quot;%1&quot; (0 to 7 or %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/xt/nat.cpp" line="+223"/>
        <source>&quot;%1&quot; is not an address/port specification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/xt/connlimit.cpp" line="+100"/>
        <source>a number of connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;--connlimit-upto&quot; and &quot;--connlimit-above&quot; exclude each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;-m connlimit&quot; needs &quot;--connlimit-upto&quot; or &quot;--connlimit-above&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;--connlimit-saddr&quot; and &quot;--connlimit-daddr&quot; exclude each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/xt/hashlimit.cpp" line="+247"/>
        <source>&quot;--hashlimit-upto&quot; and &quot;--hashlimit-above&quot; exclude each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;%1&quot; is not a rate (e.g. 30/sec, 100/minute, 512kb/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>unknown hashlimit mode &quot;%1&quot; (srcip, srcport, dstip, dstport)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&quot;%1&quot; is not an interval in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;-m hashlimit&quot; needs &quot;--hashlimit-upto&quot; or &quot;--hashlimit-above&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;-m hashlimit&quot; needs &quot;--hashlimit-name&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+21"/>
        <source>&quot;%1&quot; is not a burst (1 to %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-9"/>
        <source>the burst cannot be smaller than %1b</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>hashlimit&apos;s garbage collection interval and expiry must not be 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>hashlimit&apos;s table size and maximum are at most %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the rate is too slow for a burst of %1 (the kernel&apos;s credits would overflow): give a faster rate or a smaller burst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the rate is out of range for &quot;--hashlimit-rate-match&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&quot;%1&quot; is not a hashlimit name (1 to 254 letters, digits and _.:+@%=-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/xt/marks.cpp" line="+55"/>
        <source>&quot;%1&quot; is not a mark (a number up to 0xffffffff, optionally /mask)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&quot;%1&quot; is not a mark (a number up to 0xffffffff)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&quot;-m %1&quot; needs &quot;--mark&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+105"/>
        <source>&quot;-j MARK&quot; needs one of &quot;--set-xmark&quot;, &quot;--set-mark&quot;, &quot;--and-mark&quot;, &quot;--or-mark&quot; and &quot;--xor-mark&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;-j MARK&quot; takes only one of &quot;--set-xmark&quot;, &quot;--set-mark&quot;, &quot;--and-mark&quot;, &quot;--or-mark&quot; and &quot;--xor-mark&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+146"/>
        <location line="+1"/>
        <source>a shift (bits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;-j CONNMARK&quot; needs one of &quot;--set-xmark&quot;, &quot;--set-mark&quot;, &quot;--and-mark&quot;, &quot;--or-mark&quot;, &quot;--xor-mark&quot;, &quot;--save-mark&quot; and &quot;--restore-mark&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;-j CONNMARK&quot; takes only one of &quot;--set-xmark&quot;, &quot;--set-mark&quot;, &quot;--and-mark&quot;, &quot;--or-mark&quot;, &quot;--xor-mark&quot;, &quot;--save-mark&quot; and &quot;--restore-mark&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;--mask&quot; stands for &quot;--nfmask&quot; and &quot;--ctmask&quot; together; give either</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;--left-shift-mark&quot; and &quot;--right-shift-mark&quot; exclude each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;--mask&quot;, &quot;--nfmask&quot; and &quot;--ctmask&quot; go with &quot;--save-mark&quot; or &quot;--restore-mark&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/xt/nflog.cpp" line="+90"/>
        <source>an NFLOG prefix has 1 to 63 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>an NFLOG prefix contains a control character (such as a line break, ESC or CR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>a size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;--nflog-size&quot; and &quot;--nflog-range&quot; exclude each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/xt/physdev.cpp" line="+131"/>
        <source>&quot;-m physdev&quot; needs one of &quot;--physdev-in&quot;, &quot;--physdev-out&quot;, &quot;--physdev-is-in&quot;, &quot;--physdev-is-out&quot; and &quot;--physdev-is-bridged&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/xt/stringmatch.cpp" line="+39"/>
        <source>the pattern is longer than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>a backslash ends the pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a hex block needs pairs of hex digits and a closing &quot;|&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a hex block needs a closing &quot;|&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the pattern is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the pattern has 1 to %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+101"/>
        <source>unknown string algorithm &quot;%1&quot; (bm or kmp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>an offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;-m string&quot; needs &quot;--algo&quot; and &quot;--string&quot; or &quot;--hex-string&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/xt/tcpmss.cpp" line="+52"/>
        <source>&quot;%1&quot; is not an MSS (0 to %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;-j TCPMSS&quot; needs &quot;--set-mss&quot; or &quot;--clamp-mss-to-pmtu&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;--set-mss&quot; and &quot;--clamp-mss-to-pmtu&quot; exclude each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;-j TCPMSS&quot; needs &quot;-p tcp&quot; and a SYN match such as &quot;--tcp-flags SYN,RST SYN&quot; (the kernel refuses it otherwise)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/xt/timematch.cpp" line="+138"/>
        <source>invalid date &quot;%1&quot; (YYYY[-MM[-DD[Thh[:mm[:ss]]]]], 1970 to 2038)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>invalid time &quot;%1&quot; (hh:mm[:ss])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>invalid weekdays &quot;%1&quot; (Mon,Tue,Wed,Thu,Fri,Sat,Sun or 1 to 7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>invalid days of the month &quot;%1&quot; (1 to 31)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&quot;--utc&quot; and &quot;--kerneltz&quot; exclude each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;--contiguous&quot; needs a stop time before the start time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Userchain::PacketTracer</name>
    <message>
        <location filename="../core/packettracer.cpp" line="+146"/>
        <source>the raw table is not part of these rules: its rules (Docker 28 and later drop direct access to containers there) were not considered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+47"/>
        <source>a DNAT target this tool cannot read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>conntrack applies the connection&apos;s DNAT (rule %1 of nat %2) without passing nat again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>depends on net.ipv4.conf.%1.route_localnet: packets to %2 that arrive on %1 are dropped as martians unless it is 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the out interface of the reply is not given; rules that test -o depend on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>assuming %1 is an address of this host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the rules do not say which interface %1 is routed to; rules that test -o depend on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>the reply belongs to a connection to published port %1 (rule %2 of nat DOCKER)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the packet is for the host itself (no DNAT): filter INPUT decides and DOCKER-USER does not see it. Docker&apos;s userland proxy serves published ports that are not DNATed this way, e.g. IPv6 when Docker&apos;s ip6tables is off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Userchain::RestoreFile</name>
    <message>
        <location filename="../core/restorescan.cpp" line="+276"/>
        <source>the file starts with a byte order mark (BOM); iptables-restore cannot read it: save it as plain UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the last line has no line break; iptables-restore would not read it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the file has Windows line ends (CR LF); iptables-restore cannot read it: convert it, e.g. with dos2unix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;COMMIT&quot; without a table (&quot;*filter&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>table &quot;%1&quot; started on line %2 is not committed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a table name is missing after &quot;*&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown table &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>rule outside a table: start one with &quot;*filter&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>chain line needs a name and a policy, e.g. &quot;:DOCKER-USER - [0:0]&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>chain name &quot;%1&quot; is longer than 28 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>invalid policy &quot;%1&quot; for built-in chain &quot;%2&quot; (ACCEPT or DROP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>user chain &quot;%1&quot; cannot have a policy; write &quot;-&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>chain &quot;%1&quot; is declared twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>an argument is longer than 1023 bytes, iptables-restore&apos;s limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;-t&quot; is not allowed inside a restore file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown command &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/restorefile.cpp" line="+94"/>
        <location filename="../core/restorescan.cpp" line="+1"/>
        <source>expected a command such as &quot;-A DOCKER-USER&quot;, found &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+277"/>
        <location filename="../core/restorescan.cpp" line="+5"/>
        <source>&quot;%1&quot; needs a chain name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/restorescan.cpp" line="+6"/>
        <source>chain &quot;%1&quot; already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the built-in chain &quot;%1&quot; cannot be deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>only built-in chains have a policy, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; depends on rules already loaded; write the chain in full with -F and -A instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>chain &quot;%1&quot; is not declared; add &quot;:%1 - [0:0]&quot; after &quot;*%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>table &quot;%1&quot; started on line %2 has no &quot;COMMIT&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/restorefile.cpp" line="-280"/>
        <source>a command such as &quot;-A DOCKER-USER&quot; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; is the command for IPv6 rules; these rules are read as IPv4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is the command for IPv4 rules; these rules are read as IPv6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+65"/>
        <source>more than %1 errors; the rest of the file was not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>rule of table &quot;%1&quot; not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+74"/>
        <source>more than %1 DOCKER-USER rules; the rest of the file was not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot insert at position &quot;%1&quot;: the highest position here is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+70"/>
        <source>this line makes %1 rules, one for each address of its list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>this is a rule of chain &quot;%1&quot;; only DOCKER-USER rules are read here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not a position in the chain (1 is the top)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the rule is too long to be written as one iptables-restore line (at most %1 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the rule has too many words to be written as one iptables-restore line (at most %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-314"/>
        <source>command &quot;%1&quot; is not supported here; use -A or -I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+155"/>
        <source>rule of chain &quot;%1&quot; not imported (only DOCKER-USER is)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Userchain::RestoreTokenizer</name>
    <message>
        <location filename="../core/restoretokenizer.cpp" line="+80"/>
        <source>unterminated quoted argument</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Userchain::RuleLints</name>
    <message>
        <location filename="../core/rulelints.cpp" line="+113"/>
        <source>redundant: rule %1 (%2) already takes all its packets with the same verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Redundant: rule %1 (%2) comes first and matches every packet this rule matches, with the same verdict. Removing this rule changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>delete rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>never matches: rule %1 (%2) takes all its packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never matches: rule %1 (%2) comes first and takes every packet this rule would match, so this rule never decides anything. Move it above rule %1 if it should, or delete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+217"/>
        <source>ACCEPT skips Docker&apos;s checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-216"/>
        <source>ACCEPT is final in DOCKER-USER: the packets this rule matches skip Docker&apos;s own rules (its published ports, the isolation between Docker networks). RETURN hands them on to Docker&apos;s rules instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>use RETURN instead of ACCEPT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1 %2 never sees published port %2 (Docker&apos;s DNAT made it %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--dport %1 never matches connections to the published port %1: when they reach DOCKER-USER, Docker&apos;s DNAT has already changed their destination to %2. Conntrack&apos;s --ctorigdstport %1 --ctdir ORIGINAL matches the port clients connect to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--sport %1 never matches the container&apos;s replies for the published port %1: they come from %2, the address and port Docker&apos;s DNAT chose. Conntrack&apos;s --ctorigdstport %1 --ctdir REPLY matches them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+41"/>
        <source>use --ctorigdstport %1 --ctdir %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-17"/>
        <source>%1 %2 is the container&apos;s port after Docker&apos;s DNAT (published as %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--dport %1 tests the container&apos;s port, after Docker&apos;s DNAT (%2): it follows the container, not the port clients connect to. Conntrack&apos;s --ctorigdstport with --ctdir ORIGINAL matches the published port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--sport %1 tests the container&apos;s port, after Docker&apos;s DNAT (%2): it follows the container, not the published port. Conntrack&apos;s --ctorigdstport with --ctdir REPLY matches replies for the published port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>from outside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>also drops replies to the containers&apos; own outgoing connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a container on %1 (say %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also drops replies to the containers&apos; own outgoing connections: when %1 connects to %2, the answer arriving %3 is dropped here. No rule above lets RELATED,ESTABLISHED traffic through, and the rule has no --ctdir ORIGINAL, which would limit it to traffic that starts outside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>add -m conntrack --ctdir ORIGINAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/containeraddresslint.cpp" line="+132"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no running container has %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none is running there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running there: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running there: %1 and %2 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Names %1, an address on Docker&apos;s bridge %2, but no running container has it (%3). A container that was stopped or created again may have another address now, and the rule then does nothing for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>use %1 (%2&apos;s address now) instead of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+72"/>
        <source>%1 (host port %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no container with published ports has %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names %1 port %2, but Docker&apos;s rules name no container at %1: on %3, port %2 is published for %4. Docker names only containers that publish ports; a container that was created again may have a new address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-78"/>
        <location line="+86"/>
        <source>use %1 instead of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/rulelints.cpp" line="+23"/>
        <source>never matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>redundant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>port after Docker&apos;s DNAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>drops replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown container address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>rule %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Userchain::RuleMatcher</name>
    <message>
        <location filename="../core/rulematcher.cpp" line="+195"/>
        <source>a non-contiguous mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+85"/>
        <location line="+49"/>
        <location line="+87"/>
        <source>the host&apos;s address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-214"/>
        <source>the out interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+18"/>
        <location line="+6"/>
        <location line="+78"/>
        <location line="+7"/>
        <source>the source port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-106"/>
        <location line="+12"/>
        <source>the destination port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-6"/>
        <source>TCP flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>the ICMP type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+106"/>
        <source>addrtype --src-type (the host&apos;s routes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>set %1, which was not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <source>mark (the packet&apos;s mark, which rules not read may set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connmark (the connection&apos;s mark, which rules not read may set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>physdev (the bridge port of the packet)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Userchain::RuleParser</name>
    <message>
        <location filename="../core/ruleparser.cpp" line="+95"/>
        <location line="+8"/>
        <source>&quot;%1&quot; needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+8"/>
        <source>&quot;%1&quot; needs %2 values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;!&quot; goes before the option: write &quot;! %1 ...&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&quot;!&quot; must be followed by an option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unexpected &quot;%1&quot;: expected an option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+100"/>
        <location line="+221"/>
        <source>&quot;%1&quot; given twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-217"/>
        <location line="+205"/>
        <source>&quot;%1&quot; cannot be negated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-201"/>
        <source>&quot;-f&quot; exists only for IPv4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&quot;%1&quot; lists several addresses; iptables would make one rule for each: write one rule per address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;!&quot; cannot go with several addresses (&quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;! %1 %2&quot; would match no packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&quot;! %1 +&quot; would match no packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>unknown protocol &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;! -p all&quot; would match nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>match &quot;%1&quot; is not supported by Userchain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown match &quot;%1&quot; (did you mean %2?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown match &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+7"/>
        <source>&quot;-g&quot; needs a user chain, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>target &quot;%1&quot; is not supported by Userchain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is not a valid chain or target name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+58"/>
        <source>&quot;%1&quot; is a command: give only the rule that follows &quot;-A DOCKER-USER&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; exists only for IPv6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot; exists only for IPv4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; needs &quot;-p tcp&quot; or &quot;-p udp&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot; needs &quot;-p %2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; needs &quot;-p icmp&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; needs &quot;-p ipv6-icmp&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; needs &quot;-j %2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot; needs &quot;-m %2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown option &quot;%1&quot; (did you mean %2?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown option &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>cannot jump to the built-in chain &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DOCKER-USER cannot jump to itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>chain &quot;%1&quot; does not exist (did you mean %2?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chain &quot;%1&quot; does not exist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Userchain::Ruleset</name>
    <message>
        <location filename="../core/ruleset.cpp" line="+50"/>
        <source>no chain %1 in table %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&quot;%1&quot; is not a command of iptables-save output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>chain %1 is not declared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+44"/>
        <source>a rule kept verbatim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+102"/>
        <source>line %1: &quot;%2&quot; is not an address or network</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WizardExposure</name>
    <message>
        <location filename="../app/wizardexposure.cpp" line="+40"/>
        <source>no change for any published port</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="+31"/>
        <source>Edit Docker&apos;s DOCKER-USER firewall chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Edit the firewall of HOST, over ssh (see REMOTE HOSTS in userchainctl(1)).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
