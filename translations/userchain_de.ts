<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AddressInput</name>
    <message>
        <location filename="../app/addressinput.cpp" line="+11"/>
        <source>not</source>
        <translation>nicht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Subnet</source>
        <translation>Subnetz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Range</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+31"/>
        <source>Match everything except this</source>
        <translation>Trifft auf alles außer diesem zu</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>%1: kind</source>
        <translation>%1: Art</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any, one address, a subnet or a range</source>
        <translation>Beliebig, eine Adresse, ein Subnetz oder ein Bereich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: not</source>
        <translation>%1: nicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: address</source>
        <translation>%1: Adresse</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Enter the %1 address.</source>
        <translation>%1: Geben Sie die Adresse ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The %1 must be one address; choose Subnet or Range for more.</source>
        <translation>%1: Hier ist nur eine einzelne Adresse möglich; wählen Sie für mehr „Subnetz“ oder „Bereich“.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter the %1 subnet with its prefix length, e.g. %2.</source>
        <translation>%1: Geben Sie das Subnetz mit Präfixlänge ein, z. B. %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter the %1 range as FIRST-LAST, e.g. %2.</source>
        <translation>%1: Geben Sie den Bereich als ERSTE-LETZTE ein, z. B. %2.</translation>
    </message>
</context>
<context>
    <name>ApplyController</name>
    <message>
        <location filename="../app/applycontroller.cpp" line="+81"/>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not connected to %1: reconnect first, then apply. Your edits are kept meanwhile.</source>
        <translation>Nicht mit %1 verbunden: Stellen Sie zuerst die Verbindung wieder her und wenden Sie die Änderungen dann an. Ihre Änderungen bleiben bis dahin erhalten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+13"/>
        <source>the system bus</source>
        <translation>dem Systembus</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The connection to %1 was lost while applying %2: if the rules arrived, the helper there restores the previous ones as it sees this window go. Your edits are still here.</source>
        <translation>Die Verbindung mit %1 ist beim Anwenden von %2 abgebrochen: Falls die Regeln angekommen sind, stellt der Hilfsdienst dort die vorherigen wieder her, sobald er bemerkt, dass dieses Fenster nicht mehr da ist. Ihre Änderungen sind noch vorhanden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The connection to %1 was lost while applying %2: reconnect to see which rules it holds. Your edits are still here.</source>
        <translation>Die Verbindung mit %1 ist beim Anwenden von %2 abgebrochen: Verbinden Sie sich erneut, um zu sehen, welche Regeln dort aktiv sind. Ihre Änderungen sind noch vorhanden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The connection to %1 was lost before the new %2 rules were kept: the helper there restores the previous rules as it sees this window go. Your edits are still here.</source>
        <translation>Die Verbindung mit %1 ist abgebrochen, bevor die neuen %2-Regeln behalten wurden: Der Hilfsdienst dort stellt die vorherigen Regeln wieder her, sobald er bemerkt, dass dieses Fenster nicht mehr da ist. Ihre Änderungen sind noch vorhanden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The connection to %1 was lost while keeping the new %2 rules: reconnect to see whether they were kept. Your edits are still here.</source>
        <translation>Die Verbindung mit %1 ist beim Behalten der neuen %2-Regeln abgebrochen: Verbinden Sie sich erneut, um zu sehen, ob sie behalten wurden. Ihre Änderungen sind noch vorhanden.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>no change for any published port</source>
        <translation>keine Änderung für einen veröffentlichten Port</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Also creates the DOCKER-USER chain.</source>
        <translation>Legt außerdem die Kette DOCKER-USER an.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Also inserts the jump &lt;tt&gt;%1 -I FORWARD 1 -j DOCKER-USER&lt;/tt&gt;, so that forwarded traffic reaches these rules.</source>
        <translation>Fügt außerdem den Sprung &lt;tt&gt;%1 -I FORWARD 1 -j DOCKER-USER&lt;/tt&gt; ein, damit weitergeleiteter Verkehr diese Regeln erreicht.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The rule added outside Userchain stays in its place.</source>
        <translation>Die außerhalb von Userchain hinzugefügte Regel bleibt an ihrem Platz.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The %n rules added outside Userchain stay in their place.</source>
        <translation>
            <numerusform>Die %n außerhalb von Userchain hinzugefügte Regel bleibt an ihrem Platz.</numerusform>
            <numerusform>Die %n außerhalb von Userchain hinzugefügten Regeln bleiben an ihrem Platz.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing to apply: DOCKER-USER already holds these rules.</source>
        <translation>Nichts anzuwenden: DOCKER-USER enthält bereits diese Regeln.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is applied first, then %2. With automatic revert, each family&apos;s rules are kept on their own: the helper keeps one change pending at a time.</source>
        <translation>Zuerst wird %1 angewendet, dann %2. Mit automatischem Zurücknehmen werden die Regeln jeder Adressfamilie einzeln behalten: Der Hilfsdienst hält jeweils nur eine Änderung offen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Apply cancelled.</source>
        <translation>Anwenden abgebrochen.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Applying %1… the system may ask for an administrator&apos;s password.</source>
        <translation>%1 wird angewendet … das System fragt eventuell nach dem Passwort eines Administrators.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applying %1 to %2 over ssh…</source>
        <translation>%1 wird über ssh auf %2 angewendet …</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 was not applied; its edits are still here.</source>
        <translation>%1 wurde nicht angewendet; die Änderungen daran sind noch vorhanden.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+43"/>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Applied %1.</source>
        <translation>%1 angewendet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Applied %1; waiting for you to keep the new rules.</source>
        <translation>%1 angewendet; es wird darauf gewartet, dass Sie die neuen Regeln behalten.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 follows once you keep these.</source>
        <translation>%1 folgt, sobald Sie diese behalten.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No answer in time: restoring the previous rules…</source>
        <translation>Keine Antwort in der Zeit: Die vorherigen Regeln werden wiederhergestellt …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restoring the previous rules…</source>
        <translation>Die vorherigen Regeln werden wiederhergestellt …</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>DOCKER-USER (%1) was changed outside Userchain after it was loaded (by %2, a script, or Docker restarting). Nothing was applied.

Keep your edits on top of the current rules? Rules added outside stay in their place (marked), rules removed outside stay removed, and you review the result before anything is applied.</source>
        <translation>DOCKER-USER (%1) wurde nach dem Laden außerhalb von Userchain geändert (durch %2, ein Skript oder einen Neustart von Docker). Es wurde nichts angewendet.

Ihre Änderungen auf Grundlage der aktuellen Regeln behalten? Außerhalb hinzugefügte Regeln bleiben an ihrem Platz (markiert), außerhalb entfernte Regeln bleiben entfernt, und Sie überprüfen das Ergebnis, bevor etwas angewendet wird.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keep my edits (rebase)</source>
        <translation>Meine Änderungen behalten (Rebase)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Create and apply</source>
        <translation>Anlegen und anwenden</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Rule %1: %2</source>
        <translation>Regel %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rule %1, at “%2”: %3</source>
        <translation>Regel %1, bei „%2“: %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The helper refused rule %1</source>
        <translation>Der Helfer hat Regel %1 abgelehnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was applied to %1 DOCKER-USER.</source>
        <translation>Nichts wurde auf DOCKER-USER (%1) angewendet.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Kept the new %1 rules.</source>
        <translation>Die neuen %1-Regeln wurden behalten.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The rules could not be kept</source>
        <translation>Die Regeln konnten nicht behalten werden</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The previous rules were not restored</source>
        <translation>Die vorherigen Regeln wurden nicht wiederhergestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Someone else changed the %1 DOCKER-USER chain after your apply, so the helper kept it as it is instead of writing the previous rules over their change. Check the rules shown now.</source>
        <translation>Jemand anderes hat die Kette DOCKER-USER (%1) nach Ihrem Anwenden geändert. Deshalb hat der Hilfsdienst sie so gelassen, wie sie ist, statt die vorherigen Regeln über diese Änderung zu schreiben. Prüfen Sie die jetzt angezeigten Regeln.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The confirmation time ran out, but the helper could not write the previous %1 rules back: DOCKER-USER still holds the rules you applied. The helper&apos;s log says why.</source>
        <translation>Die Zeit zum Bestätigen ist abgelaufen, aber der Hilfsdienst konnte die vorherigen %1-Regeln nicht zurückschreiben: DOCKER-USER enthält noch die Regeln, die Sie angewendet haben. Das Protokoll des Hilfsdienstes nennt den Grund.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not confirmed in time</source>
        <translation>nicht rechtzeitig bestätigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rolled back on request</source>
        <translation>auf Wunsch zurückgenommen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The previous %1 rules are back (%2). Your edits are still here.</source>
        <translation>Die vorherigen %1-Regeln sind wieder aktiv (%2). Ihre Änderungen sind noch vorhanden.</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+25"/>
        <source>The previous rules could not be restored</source>
        <translation>Die vorherigen Regeln konnten nicht wiederhergestellt werden</translation>
    </message>
</context>
<context>
    <name>ApplyDialog</name>
    <message>
        <location filename="../ui/applydialog.ui"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location/>
        <source>Like iptables-apply: if a rule cuts you off, the helper restores the previous rules by itself when the time runs out.</source>
        <translation>Wie bei iptables-apply: Sperrt Sie eine Regel aus, stellt der Hilfsdienst nach Ablauf der Zeit die vorherigen Regeln von selbst wieder her.</translation>
    </message>
    <message>
        <location filename="../app/applydialog.cpp" line="+87"/>
        <source>These rules go to &lt;b&gt;%1&lt;/b&gt;, over ssh: its DOCKER-USER is the one replaced.</source>
        <translation>Diese Regeln gehen über ssh an &lt;b&gt;%1&lt;/b&gt;: Dort wird DOCKER-USER ersetzt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Review and apply to %1</source>
        <translation>Überprüfen und auf %1 anwenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Apply to %1</source>
        <translation>Auf %1 &amp;anwenden</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Without automatic revert, a rule that cuts off ssh leaves %1 out of reach from here until someone restores its rules at its console.</source>
        <translation>Ohne automatisches Zurücknehmen ist %1 nach einer Regel, die ssh abschneidet, von hier aus nicht mehr erreichbar, bis jemand dort an der Konsole die Regeln wiederherstellt.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>DOCKER-USER (%1) will be replaced in one step.</source>
        <translation>DOCKER-USER (%1) wird in einem Schritt ersetzt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DOCKER-USER will be replaced in %1, one family after the other, each in one step.</source>
        <translation>DOCKER-USER wird in %1 ersetzt, eine Adressfamilie nach der anderen, jede in einem Schritt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: the rules stay as they are.</source>
        <translation>%1: Die Regeln bleiben, wie sie sind.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 added, %3 removed, %4 moved.</source>
        <translation>%1: %2 hinzugefügt, %3 entfernt, %4 verschoben.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Who can reach the published ports:</source>
        <translation>Wer die veröffentlichten Ports erreicht:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>moved from %1 to %2</source>
        <translation>von %1 nach %2 verschoben</translation>
    </message>
    <message>
        <location filename="../ui/applydialog.ui"/>
        <source>Changes to apply</source>
        <translation>Anzuwendende Änderungen</translation>
    </message>
    <message>
        <location/>
        <source>Each family&apos;s DOCKER-USER as it will be: + added, - removed, ~ moved</source>
        <translation>DOCKER-USER jeder Adressfamilie, wie es sein wird: + hinzugefügt, - entfernt, ~ verschoben</translation>
    </message>
    <message>
        <location/>
        <source>&amp;Revert automatically unless I keep the new rules within</source>
        <translation>Automatisch &amp;zurücknehmen, wenn nicht behalten, nach</translation>
    </message>
    <message>
        <location/>
        <source>Seconds to decide</source>
        <translation>Sekunden bis zur Entscheidung</translation>
    </message>
    <message>
        <location/>
        <source>How long the new rules stay active without Keep before the previous ones come back</source>
        <translation>Wie lange die neuen Regeln ohne „Behalten“ aktiv bleiben, bevor die vorherigen zurückkehren</translation>
    </message>
    <message>
        <location/>
        <location filename="../app/applydialog.cpp" line="-84"/>
        <source>Review and apply</source>
        <translation>Überprüfen und anwenden</translation>
    </message>
</context>
<context>
    <name>ChainDescriptions</name>
    <message>
        <location filename="../app/chaindescriptions.cpp" line="+94"/>
        <source>docker-ext-bridges-v4/-v6 is the ipset in which Docker 28.0 keeps the subnets of its bridge networks (those that are not --internal): this rule matches traffic to or from any of them. Docker fills the set itself.</source>
        <translation>docker-ext-bridges-v4/-v6 ist das IP-Set, in dem Docker 28.0 die Subnetze seiner Bridge-Netzwerke führt (jener, die nicht --internal sind): Diese Regel trifft auf Verkehr zu oder von jedem von ihnen zu. Docker füllt das Set selbst.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Docker 28&apos;s protection against direct routing: drops packets for a container&apos;s address that arrive on any interface but the container&apos;s own bridge, so that only published ports reach it.</source>
        <translation>Dockers Schutz vor direktem Routing ab Version 28: verwirft Pakete an die Adresse eines Containers, die auf einer anderen Schnittstelle als der Bridge des Containers ankommen, sodass ihn nur veröffentlichte Ports erreichen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Docker&apos;s published ports: rewrites the destination of traffic to a host port to the container (DNAT). Docker rewrites it whenever a container starts or stops; an edit would be lost or break port publishing.</source>
        <translation>Dockers veröffentlichte Ports: schreibt das Ziel von Verkehr an einen Host-Port auf den Container um (DNAT). Docker schreibt die Kette bei jedem Start oder Stopp eines Containers neu; eine Änderung ginge verloren oder würde die Port-Veröffentlichung stören.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Swarm&apos;s routing mesh: sends traffic for a service&apos;s published port to the ingress network (DNAT). Docker maintains it while the node is in a swarm.</source>
        <translation>Das Routing-Mesh von Swarm: leitet Verkehr an den veröffentlichten Port eines Dienstes in das Ingress-Netzwerk (DNAT). Docker pflegt die Kette, solange der Knoten zu einem Swarm gehört.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A chain of the nat table, shown for reference. Userchain never changes it.</source>
        <translation>Eine Kette der nat-Tabelle, zur Information angezeigt. Userchain ändert sie nie.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The raw table sees packets before connection tracking and before DOCKER-USER; rules in DOCKER-USER cannot let through what it drops.</source>
        <translation>Die raw-Tabelle sieht Pakete vor der Verbindungsverfolgung und vor DOCKER-USER; Regeln in DOCKER-USER können nicht durchlassen, was sie verwirft.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Here Docker drops packets for a published port of a container that arrive on any interface but the container&apos;s own bridge (direct routing), one rule per published port.</source>
        <translation>Hier verwirft Docker Pakete an einen veröffentlichten Port eines Containers, die auf einer anderen Schnittstelle als der Bridge des Containers ankommen (direktes Routing), eine Regel je veröffentlichtem Port.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Here Docker drops packets for a container&apos;s address that arrive on any interface but the container&apos;s own bridge (direct routing), one rule per container.</source>
        <translation>Hier verwirft Docker Pakete an die Adresse eines Containers, die auf einer anderen Schnittstelle als der Bridge des Containers ankommen (direktes Routing), eine Regel je Container.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A chain of the raw table, shown for reference. Userchain never changes it.</source>
        <translation>Eine Kette der raw-Tabelle, zur Information angezeigt. Userchain ändert sie nie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your rules. Forwarded traffic passes here before any of Docker&apos;s rules, and Docker never changes what you put here. RETURN hands a packet on to Docker; ACCEPT skips Docker&apos;s own checks.</source>
        <translation>Ihre Regeln. Weitergeleiteter Verkehr kommt hier vor allen Regeln von Docker vorbei, und Docker ändert nie, was Sie hier eintragen. RETURN reicht ein Paket an Docker weiter; ACCEPT überspringt Dockers eigene Prüfungen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accepts traffic to the ports containers publish. Docker rewrites it whenever a container starts or stops; an edit would be lost or open the wrong port.</source>
        <translation>Lässt Verkehr zu den Ports durch, die Container veröffentlichen. Docker schreibt die Kette bei jedem Start oder Stopp eines Containers neu; eine Änderung ginge verloren oder würde den falschen Port öffnen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First stage of the isolation between Docker networks: sends traffic that leaves a bridge to stage 2. Docker manages it; an edit could connect networks that are meant to be apart.</source>
        <translation>Erste Stufe der Trennung zwischen Docker-Netzwerken: schickt Verkehr, der eine Bridge verlässt, an Stufe 2. Docker verwaltet die Kette; eine Änderung könnte Netzwerke verbinden, die getrennt sein sollen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Drops traffic crossing from one Docker network into another. Docker manages it; an edit could connect networks that are meant to be apart.</source>
        <translation>Verwirft Verkehr, der von einem Docker-Netzwerk in ein anderes wechselt. Docker verwaltet die Kette; eine Änderung könnte Netzwerke verbinden, die getrennt sein sollen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Docker 28&apos;s entry point from FORWARD: runs Docker&apos;s connection-tracking, internal-network and bridge chains. Docker rebuilds it at start; edits are lost and can cut containers off.</source>
        <translation>Dockers Einstieg aus FORWARD ab Version 28: durchläuft Dockers Ketten für Verbindungsverfolgung, interne Netzwerke und Bridges. Docker baut sie beim Start neu auf; Änderungen gehen verloren und können Container abschneiden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sends traffic for each Docker bridge to the DOCKER chain (Docker 28). Docker rebuilds it whenever a network changes.</source>
        <translation>Schickt Verkehr für jede Docker-Bridge an die Kette DOCKER (Docker 28). Docker baut sie bei jeder Änderung an einem Netzwerk neu auf.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accepts replies of connections containers take part in (Docker 28). Docker rebuilds it; breaking it stops replies reaching containers.</source>
        <translation>Lässt Antworten auf Verbindungen durch, an denen Container beteiligt sind (Docker 28). Docker baut sie neu auf; ist sie defekt, erreichen Antworten die Container nicht mehr.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keeps --internal networks from reaching outside (Docker 28). Docker rebuilds it; an edit could let an internal network out.</source>
        <translation>Hält --internal-Netzwerke davon ab, nach außen zu gelangen (Docker 28). Docker baut sie neu auf; eine Änderung könnte ein internes Netzwerk nach außen lassen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Swarm&apos;s published ports: accepts traffic to and from the ports of swarm services (the routing mesh). Docker maintains it while the node is in a swarm.</source>
        <translation>Veröffentlichte Ports von Swarm: lässt Verkehr zu und von den Ports der Swarm-Dienste durch (das Routing-Mesh). Docker pflegt die Kette, solange der Knoten zu einem Swarm gehört.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Docker jumps from here to DOCKER-USER first, then to DOCKER-FORWARD, which runs Docker&apos;s other chains.</source>
        <translation>Docker springt von hier zuerst zu DOCKER-USER, dann zu DOCKER-FORWARD, das Dockers übrige Ketten durchläuft.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Docker jumps from here to DOCKER-USER first; its next rules match all its bridges at once through the ipset docker-ext-bridges-v4 (-v6), accept replies, and send new connections to DOCKER.</source>
        <translation>Docker springt von hier zuerst zu DOCKER-USER; seine nächsten Regeln erkennen alle seine Bridges auf einmal über das IP-Set docker-ext-bridges-v4 (-v6), lassen Antworten durch und schicken neue Verbindungen an DOCKER.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Docker jumps from here to DOCKER-USER first, then to DOCKER-ISOLATION-STAGE-1; then, for each of its bridges, it accepts replies, sends new connections to DOCKER and accepts what leaves the bridge.</source>
        <translation>Docker springt von hier zuerst zu DOCKER-USER, dann zu DOCKER-ISOLATION-STAGE-1; danach lässt es für jede seiner Bridges Antworten durch, schickt neue Verbindungen an DOCKER und lässt durch, was die Bridge verlässt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Docker puts its jumps here, DOCKER-USER first.</source>
        <translation>Docker trägt hier seine Sprünge ein, DOCKER-USER zuerst.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The kernel&apos;s chain for forwarded traffic.</source>
        <translation>Die Kette des Kernels für weitergeleiteten Verkehr.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Userchain only ever restores the jump to DOCKER-USER, and only when you ask.</source>
        <translation>Userchain stellt hier nur den Sprung zu DOCKER-USER wieder her, und nur auf Ihren Wunsch.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A chain Docker created. Docker manages it; do not edit it.</source>
        <translation>Eine von Docker angelegte Kette. Docker verwaltet sie; ändern Sie sie nicht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A chain that is not Docker&apos;s, shown for reference. Userchain never changes it.</source>
        <translation>Eine Kette, die nicht von Docker stammt, zur Information angezeigt. Userchain ändert sie nie.</translation>
    </message>
</context>
<context>
    <name>ChainLayout</name>
    <message>
        <location filename="../app/chainlayout.cpp" line="+84"/>
        <source>DOCKER-USER is empty, as Docker 28.2.2 and later create it: forwarded packets go straight on to Docker&apos;s own rules. Rules you add here run first.</source>
        <translation>DOCKER-USER ist leer, so wie Docker 28.2.2 und neuer die Kette anlegen: Weitergeleitete Pakete gehen direkt weiter zu Dockers eigenen Regeln. Regeln, die Sie hier hinzufügen, kommen zuerst.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The final &lt;tt&gt;-j RETURN&lt;/tt&gt; is the one Docker up to 28.2.1 appends. It is harmless: a packet that reaches it goes on to Docker&apos;s own rules, just as at the end of an empty chain. New rules go before it.</source>
        <translation>Das abschließende &lt;tt&gt;-j RETURN&lt;/tt&gt; hängt Docker bis Version 28.2.1 an. Es ist harmlos: Ein Paket, das es erreicht, geht weiter zu Dockers eigenen Regeln, genau wie am Ende einer leeren Kette. Neue Regeln kommen davor.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rule %1 accepts every packet that reaches it. In DOCKER-USER an ACCEPT is final: those packets skip Docker&apos;s own checks (published ports, network isolation). Use RETURN to hand packets on to Docker instead.</source>
        <translation>Regel %1 akzeptiert jedes Paket, das sie erreicht. In DOCKER-USER ist ein ACCEPT endgültig: Diese Pakete überspringen Dockers eigene Prüfungen (veröffentlichte Ports, Netzwerktrennung). Verwenden Sie stattdessen RETURN, um Pakete an Docker weiterzureichen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rule %1 drops every packet the rules above it did not let through: containers get only the traffic those rules allow.</source>
        <translation>Regel %1 verwirft jedes Paket, das die Regeln darüber nicht durchgelassen haben: Container erhalten nur den Verkehr, den diese Regeln erlauben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rule %1 (&lt;tt&gt;%2&lt;/tt&gt;) ends the chain for every packet, so the rule after it is never reached. Move it above rule %1, or delete it.</source>
        <translation>Regel %1 (&lt;tt&gt;%2&lt;/tt&gt;) beendet die Kette für jedes Paket, daher wird die Regel danach nie erreicht. Verschieben Sie sie vor Regel %1 oder löschen Sie sie.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Rule %1 (&lt;tt&gt;%2&lt;/tt&gt;) ends the chain for every packet, so the %n rules after it are never reached. Move them above it, or delete them.</source>
        <translation>
            <numerusform>Regel %1 (&lt;tt&gt;%2&lt;/tt&gt;) beendet die Kette für jedes Paket, daher wird die %n Regel danach nie erreicht. Verschieben Sie sie darüber oder löschen Sie sie.</numerusform>
            <numerusform>Regel %1 (&lt;tt&gt;%2&lt;/tt&gt;) beendet die Kette für jedes Paket, daher werden die %n Regeln danach nie erreicht. Verschieben Sie sie darüber oder löschen Sie sie.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChainListModel</name>
    <message>
        <location filename="../app/chainlistmodel.cpp" line="+31"/>
        <source>Your rules</source>
        <translation>Ihre Regeln</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Docker&apos;s chains (read-only)</source>
        <translation>Docker-Ketten (schreibgeschützt)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Built-in</source>
        <translation>Eingebaut</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>nat table (read-only)</source>
        <translation>nat-Tabelle (schreibgeschützt)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>raw table (read-only)</source>
        <translation>raw-Tabelle (schreibgeschützt)</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>%1 (missing)</source>
        <translation>%1 (fehlt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (left over, active)</source>
        <translation>%1 (übrig geblieben, aktiv)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (left over, inactive)</source>
        <translation>%1 (übrig geblieben, inaktiv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Left over from Docker&apos;s iptables mode. FORWARD still jumps here, so the kernel still applies these rules.</source>
        <translation>Übrig geblieben aus Dockers iptables-Modus. FORWARD springt noch hierher, der Kernel wendet diese Regeln also weiterhin an.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Left over from Docker&apos;s iptables mode. Nothing jumps here: these rules have no effect.</source>
        <translation>Übrig geblieben aus Dockers iptables-Modus. Nichts springt hierher: Diese Regeln haben keine Wirkung.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>editable</source>
        <translation>bearbeitbar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>read-only</source>
        <translation>schreibgeschützt</translation>
    </message>
</context>
<context>
    <name>ChainRulesModel</name>
    <message>
        <location filename="../app/chainrulesmodel.cpp" line="+129"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Packets</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
</context>
<context>
    <name>ChainView</name>
    <message>
        <location filename="../app/chainview.cpp" line="+38"/>
        <source>Rules of the chain (read-only)</source>
        <translation>Regeln der Kette (schreibgeschützt)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>policy %1</source>
        <translation>Richtlinie %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>user chain</source>
        <translation>Benutzerkette</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2 table, %3, read-only</source>
        <translation>%1 — Tabelle %2, %3, schreibgeschützt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rules of %1 (read-only)</source>
        <translation>Regeln von %1 (schreibgeschützt)</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../ui/confirmdialog.ui"/>
        <source>&lt;b&gt;Keep these rules?&lt;/b&gt;</source>
        <translation>&lt;b&gt;Diese Regeln behalten?&lt;/b&gt;</translation>
    </message>
    <message>
        <location/>
        <source>The new DOCKER-USER rules are active. If containers are still reachable as you expect, keep them; otherwise, or if you do nothing, the previous rules come back.</source>
        <translation>Die neuen DOCKER-USER-Regeln sind aktiv. Wenn Container weiterhin wie erwartet erreichbar sind, behalten Sie sie; andernfalls, oder wenn Sie nichts tun, kehren die vorherigen Regeln zurück.</translation>
    </message>
    <message>
        <location/>
        <source>&amp;Revert</source>
        <translation>&amp;Zurücknehmen</translation>
    </message>
    <message>
        <location/>
        <source>&amp;Keep</source>
        <translation>&amp;Behalten</translation>
    </message>
    <message>
        <location filename="../app/confirmdialog.cpp" line="+18"/>
        <source>Keep these rules? (%1)</source>
        <translation>Diese Regeln behalten? (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new %1 DOCKER-USER rules are active. If containers are still reachable as you expect, keep them; otherwise, or if you do nothing, the previous rules come back.</source>
        <translation>Die neuen Regeln in DOCKER-USER (%1) sind aktiv. Wenn Container weiterhin wie erwartet erreichbar sind, behalten Sie sie; andernfalls, oder wenn Sie nichts tun, kehren die vorherigen Regeln zurück.</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <location line="+9"/>
        <source>Reverting in %n seconds.</source>
        <translation>
            <numerusform>Wird in %n Sekunde zurückgenommen.</numerusform>
            <numerusform>Wird in %n Sekunden zurückgenommen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/confirmdialog.ui"/>
        <source>Time left</source>
        <translation>Verbleibende Zeit</translation>
    </message>
    <message>
        <location/>
        <source>Keep these rules?</source>
        <translation>Diese Regeln behalten?</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../app/connectdialog.cpp" line="+19"/>
        <source>Connect to Host</source>
        <translation>Mit Rechner verbinden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Userchain logs in with ssh as you would (your ~/.ssh/config, keys and agent) and talks to the Userchain helper installed there. The host opens in a window of its own.</source>
        <translation>Userchain meldet sich mit ssh so an, wie Sie es tun würden (Ihre ~/.ssh/config, Schlüssel und Agent), und spricht mit dem dort installierten Userchain-Hilfsdienst. Der Rechner öffnet sich in einem eigenen Fenster.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>[user@]host[:port]</source>
        <translation>[user@]host[:port]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host</source>
        <translation>Rechner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[user@]host[:port], or one of the recent hosts</source>
        <translation>[user@]host[:port] oder einer der zuletzt verwendeten Rechner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An IPv6 address goes in brackets: [2001:db8::1]:2222</source>
        <translation>Eine IPv6-Adresse steht in eckigen Klammern: [2001:db8::1]:2222</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Host:</source>
        <translation>&amp;Rechner:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;onnect</source>
        <translation>&amp;Verbinden</translation>
    </message>
</context>
<context>
    <name>ConnectionBar</name>
    <message>
        <location filename="../app/connectionbar.cpp" line="+33"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>ssh needed to ask something (a password or whether to trust the host key) but found no program to ask with: install ssh-askpass, or log in once from a terminal and use a key in ssh-agent.</source>
        <translation>ssh musste etwas abfragen (ein Passwort oder ob dem Host-Schlüssel vertraut werden soll), hat aber kein Programm dafür gefunden: Installieren Sie ssh-askpass, oder melden Sie sich einmal in einem Terminal an und verwenden Sie einen Schlüssel in ssh-agent.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 needs systemd-stdio-bridge (package systemd) for Userchain.</source>
        <translation>%1 benötigt systemd-stdio-bridge (Paket systemd) für Userchain.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ssh does not trust the host key of %1: check it, then log in once from a terminal to accept it.</source>
        <translation>ssh vertraut dem Host-Schlüssel von %1 nicht: Prüfen Sie ihn und melden Sie sich dann einmal in einem Terminal an, um ihn zu akzeptieren.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the system bus</source>
        <translation>dem Systembus</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connecting to %1 over ssh…</source>
        <translation>Verbindung mit %1 über ssh wird hergestellt …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If ssh needs a password, or must ask whether to trust the host key of %1, it asks in a window of its own (ssh-askpass).</source>
        <translation>Wenn ssh ein Passwort benötigt oder fragen muss, ob dem Host-Schlüssel von %1 vertraut werden soll, fragt es in einem eigenen Fenster (ssh-askpass).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop logging in to %1</source>
        <translation>Anmeldung bei %1 abbrechen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not connect to the system bus.</source>
        <translation>Es konnte keine Verbindung mit dem Systembus hergestellt werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not connect to %1 over ssh.</source>
        <translation>Es konnte keine Verbindung mit %1 über ssh hergestellt werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Try again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to %1 again</source>
        <translation>Erneut mit %1 verbinden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection to %1 was lost.</source>
        <translation>Die Verbindung mit %1 ist abgebrochen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your unapplied edits are kept. Reconnect to read the rules again and apply them.</source>
        <translation>Ihre nicht angewendeten Änderungen bleiben erhalten. Verbinden Sie sich erneut, um die Regeln neu zu lesen und die Änderungen anzuwenden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reconnect</source>
        <translation>Erneut &amp;verbinden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to %1 again (a new ssh session)</source>
        <translation>Erneut mit %1 verbinden (eine neue ssh-Sitzung)</translation>
    </message>
</context>
<context>
    <name>CopyToHost</name>
    <message>
        <location filename="../app/copytohost.cpp" line="+29"/>
        <source>this computer</source>
        <translation>diesem Rechner</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 rule %2: %3</source>
        <translation>%1-Regel %2: %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>These rules cannot be carried to another host</source>
        <translation>Diese Regeln können nicht auf einen anderen Rechner übertragen werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no DOCKER-USER table here to carry.</source>
        <translation>Hier gibt es keine DOCKER-USER-Tabelle zum Übertragen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Userchain keeps these rules exactly as the kernel of %1 holds them, without reading them, so they cannot be written on another host:

%2

Delete or rewrite them first.</source>
        <translation>Userchain behält diese Regeln genau so bei, wie der Kernel von %1 sie enthält, ohne sie zu lesen; daher können sie nicht auf einen anderen Rechner geschrieben werden:

%2

Löschen Sie sie zuerst oder schreiben Sie sie neu.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Apply These Rules to Another Host</source>
        <translation>Diese Regeln auf einen anderen Rechner anwenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The DOCKER-USER rules shown here (%1, unapplied edits included) replace those of the host you choose, in its own window: you review the difference to its current rules before anything is applied there.</source>
        <translation>Die hier gezeigten DOCKER-USER-Regeln (von %1, einschließlich nicht angewendeter Änderungen) ersetzen die des Rechners, den Sie wählen, in dessen eigenem Fenster: Sie überprüfen den Unterschied zu seinen aktuellen Regeln, bevor dort etwas angewendet wird.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>These rules are already those of %1.</source>
        <translation>Dies sind bereits die Regeln von %1.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Reading the rules of %1 before the rules of %2 replace them…</source>
        <translation>Die Regeln von %1 werden gelesen, bevor die Regeln von %2 sie ersetzen …</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Rules of %1</source>
        <translation>Regeln von %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has no %2 DOCKER-USER that Userchain can edit: those rules were not carried.</source>
        <translation>Auf %1 gibt es keine DOCKER-USER-Kette für %2, die Userchain bearbeiten kann: Diese Regeln wurden nicht übertragen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> and </source>
        <translation> und </translation>
    </message>
</context>
<context>
    <name>DockerUserIntro</name>
    <message>
        <location filename="../app/dockeruserintro.cpp" line="+64"/>
        <source>Hide explanation</source>
        <translation>Erklärung ausblenden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What is DOCKER-USER?</source>
        <translation>Was ist DOCKER-USER?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide the explanation of DOCKER-USER; the legend stays</source>
        <translation>Die Erklärung zu DOCKER-USER ausblenden; die Legende bleibt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show what DOCKER-USER is and what its targets do</source>
        <translation>Zeigen, was DOCKER-USER ist und was seine Aktionen bewirken</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>before DOCKER-FORWARD and Docker&apos;s other chains</source>
        <translation>vor DOCKER-FORWARD und Dockers übrigen Ketten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before Docker&apos;s own rules</source>
        <translation>vor Dockers eigenen Regeln</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first rule of FORWARD jumps here, so every packet the host forwards passes these rules %1: traffic from outside to containers&apos; published ports, from containers out, and between Docker networks.</source>
        <translation>Die erste Regel von FORWARD springt hierher, daher durchläuft jedes Paket, das der Rechner weiterleitet, diese Regeln %1: Verkehr von außen zu veröffentlichten Ports von Containern, von Containern nach außen und zwischen Docker-Netzwerken.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rule %1 of FORWARD jumps here, so the packets the host forwards pass these rules after FORWARD&apos;s first rules, %2.</source>
        <translation>Regel %1 von FORWARD springt hierher, daher durchlaufen die Pakete, die der Rechner weiterleitet, diese Regeln nach den ersten Regeln von FORWARD, %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>FORWARD should jump here first, so that every packet the host forwards (to and from containers) passes these rules %1.</source>
        <translation>FORWARD sollte zuerst hierher springen, damit jedes Paket, das der Rechner weiterleitet (zu und von Containern), diese Regeln %1 durchläuft.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;DOCKER-USER&lt;/b&gt; is the chain Docker leaves to you: Docker never changes the rules in it.</source>
        <translation>&lt;b&gt;DOCKER-USER&lt;/b&gt; ist die Kette, die Docker Ihnen überlässt: Docker ändert die Regeln darin nie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A packet is checked rule by rule until one matches: &lt;b&gt;RETURN&lt;/b&gt; hands it on to Docker&apos;s rules (published ports open, networks kept apart), &lt;b&gt;DROP&lt;/b&gt; discards it, &lt;b&gt;ACCEPT&lt;/b&gt; lets it through at once, past Docker&apos;s own checks. A packet no rule matches goes on to Docker&apos;s rules, as with RETURN.</source>
        <translation>Ein Paket wird Regel für Regel geprüft, bis eine zutrifft: &lt;b&gt;RETURN&lt;/b&gt; reicht es an Dockers Regeln weiter (veröffentlichte Ports offen, Netzwerke getrennt), &lt;b&gt;DROP&lt;/b&gt; verwirft es, &lt;b&gt;ACCEPT&lt;/b&gt; lässt es sofort durch, an Dockers eigenen Prüfungen vorbei. Ein Paket, auf das keine Regel zutrifft, geht weiter zu Dockers Regeln, wie bei RETURN.</translation>
    </message>
</context>
<context>
    <name>EditSession</name>
    <message>
        <location filename="../app/editsession.cpp" line="+242"/>
        <source>Keep my edits on top of the system&apos;s rules</source>
        <translation>Meine Änderungen auf Grundlage der Regeln des Systems behalten</translation>
    </message>
</context>
<context>
    <name>ExposureModel</name>
    <message>
        <location filename="../app/exposuremodel.cpp" line="+75"/>
        <source>Published on all addresses and open to anyone: bind it to one address (-p 127.0.0.1:PORT:PORT) or restrict it in DOCKER-USER.</source>
        <translation>Auf allen Adressen veröffentlicht und für alle offen: an eine Adresse binden (-p 127.0.0.1:PORT:PORT) oder in DOCKER-USER einschränken.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>IPv6 is open while IPv4 is restricted: add the same rules to IPv6.</source>
        <translation>IPv6 ist offen, während IPv4 eingeschränkt ist: dieselben Regeln auch für IPv6 anlegen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 may be served by Docker&apos;s userland proxy (docker-proxy): filter INPUT decides, DOCKER-USER does not see that traffic.</source>
        <translation>%1 wird womöglich von Dockers Userland-Proxy (docker-proxy) bedient: filter INPUT entscheidet, DOCKER-USER sieht diesen Verkehr nicht.</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>not published</source>
        <translation>nicht veröffentlicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>may be open via docker-proxy (INPUT decides)</source>
        <translation>womöglich offen über docker-proxy (INPUT entscheidet)</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Published port</source>
        <translation>Veröffentlichter Port</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IPv4: who can connect</source>
        <translation>IPv4: wer verbinden kann</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IPv6: who can connect</source>
        <translation>IPv6: wer verbinden kann</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
</context>
<context>
    <name>ExposureSummary</name>
    <message>
        <location filename="../core/exposuresummary.cpp" line="+75"/>
        <source>anyone except %1</source>
        <translation>alle außer %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+29"/>
        <location line="+3"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <location line="-30"/>
        <source> and %n more</source>
        <translation>
            <numerusform> und %n weitere</numerusform>
            <numerusform> und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>any interface</source>
        <translation>jeder Schnittstelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any interface except %1</source>
        <translation>jeder Schnittstelle außer %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 except %2</source>
        <translation>%1 außer %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+96"/>
        <source>anyone on %1</source>
        <translation>alle auf %1</translation>
    </message>
    <message>
        <location line="-95"/>
        <location line="+95"/>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <location line="-81"/>
        <location line="+117"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+1"/>
        <location line="+73"/>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <location line="-73"/>
        <source>%1; the rest %2</source>
        <translation>%1; der Rest: %2</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+28"/>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>anyone, any interface</source>
        <translation>alle, jede Schnittstelle</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+21"/>
        <source>only %1</source>
        <translation>nur %1</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>other interfaces</source>
        <translation>anderen Schnittstellen</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 policy</source>
        <translation>Richtlinie von %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 rule %2</source>
        <translation>%1 Regel %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: %2 (newly published)</source>
        <translation>%1: %2 (neu veröffentlicht)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
</context>
<context>
    <name>ExposureView</name>
    <message>
        <location filename="../app/exposureview.cpp" line="+38"/>
        <source>Who can reach your containers</source>
        <translation>Wer Ihre Container erreicht</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Each port Docker publishes and which new connections from outside reach its container under the rules as the tables show them now, your unapplied edits included. Traffic between containers on Docker&apos;s own bridges is not counted. Select a port to see which rule decides each part.</source>
        <translation>Jeder Port, den Docker veröffentlicht, und welche neuen Verbindungen von außen seinen Container erreichen – nach den Regeln, wie die Tabellen sie jetzt zeigen, einschließlich Ihrer nicht angewendeten Änderungen. Verkehr zwischen Containern auf Dockers eigenen Bridges zählt nicht. Wählen Sie einen Port, um zu sehen, welche Regel jeden Teil entscheidet.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Published ports and who can reach them</source>
        <translation>Veröffentlichte Ports und wer sie erreicht</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Details of the selected port</source>
        <translation>Details zum ausgewählten Port</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Evaluating the rules…</source>
        <translation>Regeln werden ausgewertet …</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Includes your unapplied edits (%1).</source>
        <translation>Mit Ihren nicht angewendeten Änderungen (%1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The rules as they are in the kernel.</source>
        <translation>Die Regeln, wie sie im Kernel stehen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&lt;p&gt;&lt;b&gt;No published ports.&lt;/b&gt; nat DOCKER has no DNAT rule in either family: no container publishes a port, or Docker does not manage iptables here.&lt;/p&gt;&lt;p&gt;When Docker&apos;s iptables (or ip6tables) is off, its userland proxy serves published ports through filter INPUT, which DOCKER-USER does not see.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Keine veröffentlichten Ports.&lt;/b&gt; nat DOCKER hat in keiner Familie eine DNAT-Regel: Kein Container veröffentlicht einen Port, oder Docker verwaltet iptables hier nicht.&lt;/p&gt;&lt;p&gt;Ist Dockers iptables (oder ip6tables) aus, bedient sein Userland-Proxy veröffentlichte Ports über filter INPUT, das DOCKER-USER nicht sieht.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select a port to see which rule decides each part.</source>
        <translation>Wählen Sie einen Port, um zu sehen, welche Regel jeden Teil entscheidet.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>published by %1</source>
        <translation>veröffentlicht durch %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no new connection reaches it</source>
        <translation>keine neue Verbindung erreicht ihn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Let in by:</source>
        <translation>Hereingelassen durch:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept out by:</source>
        <translation>Abgewiesen durch:</translation>
    </message>
</context>
<context>
    <name>FamilyPage</name>
    <message>
        <location filename="../app/familypage.cpp" line="+46"/>
        <source>%1 chains</source>
        <translation>%1-Ketten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DOCKER-USER, which you edit, and Docker&apos;s own chains, read-only</source>
        <translation>DOCKER-USER, das Sie bearbeiten, und Dockers eigene Ketten, schreibgeschützt</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Reading the firewall…</source>
        <translation>Firewall wird gelesen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asking Userchain&apos;s helper for the %1 filter and nat tables.</source>
        <translation>Userchains Hilfsdienst wird nach den %1-Tabellen filter und nat gefragt.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (nothing to edit)</source>
        <translation>%1 (nichts zu bearbeiten)</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>Left over from Docker&apos;s iptables mode and still active: this jump sends every forwarded packet through DOCKER-USER. Docker in nftables mode neither adds nor removes it; it is gone when deleted or after a reboot.</source>
        <translation>Übrig geblieben aus Dockers iptables-Modus und noch aktiv: Dieser Sprung schickt jedes weitergeleitete Paket durch DOCKER-USER. Im nftables-Modus wird er von Docker weder angelegt noch entfernt; er verschwindet, wenn er gelöscht wird, oder nach einem Neustart.</translation>
    </message>
</context>
<context>
    <name>FamilyText</name>
    <message>
        <location filename="../app/familytext.cpp" line="+19"/>
        <source>IPv6</source>
        <translation>IPv6</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IPv4</source>
        <translation>IPv4</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>e.g. %1</source>
        <translation>z. B. %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 network</source>
        <translation>ein %1-Netz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 range</source>
        <translation>ein %1-Bereich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 address</source>
        <translation>eine %1-Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is an %2, but these rules are for %3 (%4). Enter an %3 address, or add the rule on the %5 tab.</source>
        <translation>%1 ist %2, diese Regeln gelten aber für %3 (%4). Geben Sie eine %3-Adresse ein oder fügen Sie die Regel im Reiter %5 hinzu.</translation>
    </message>
</context>
<context>
    <name>FirewallMode</name>
    <message>
        <location filename="../app/firewallmode.cpp" line="+71"/>
        <source>Docker recommends putting your own rules in an nftables table of your own, with a base chain on the same hook as Docker&apos;s (type filter hook forward); a lower priority number runs before Docker&apos;s chains. An accept there is not final: to let through what Docker would drop, set a firewall mark and start Docker with --bridge-accept-fwmark. For example (load with nft -f):</source>
        <translation>Docker empfiehlt, eigene Regeln in eine eigene nftables-Tabelle zu legen, mit einer Basiskette am selben Hook wie Dockers (type filter hook forward); eine niedrigere Prioritätszahl läuft vor Dockers Ketten. Ein accept dort ist nicht endgültig: Um durchzulassen, was Docker verwerfen würde, setzen Sie eine Firewall-Markierung und starten Docker mit --bridge-accept-fwmark. Zum Beispiel (laden mit nft -f):</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../app/guidedialog.cpp" line="+14"/>
        <source>Userchain guide</source>
        <translation>Userchain-Anleitung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guide</source>
        <translation>Anleitung</translation>
    </message>
</context>
<context>
    <name>HelperClient</name>
    <message>
        <location filename="../app/helperclient.cpp" line="+120"/>
        <source>already restored by the helper</source>
        <translation>vom Hilfsdienst bereits wiederhergestellt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>reverted</source>
        <translation>zurückgenommen</translation>
    </message>
</context>
<context>
    <name>HelperCodeText</name>
    <message>
        <location filename="../app/helpercodetext.cpp" line="+39"/>
        <source>Docker&apos;s %1 chains are in iptables-legacy.</source>
        <translation>Dockers %1-Ketten liegen in iptables-legacy.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Docker&apos;s %1 chains are in iptables-nft (nf_tables).</source>
        <translation>Dockers %1-Ketten liegen in iptables-nft (nf_tables).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Docker&apos;s %1 chains exist in both iptables-legacy and iptables-nft; Userchain uses %2, the variant `%3 -V` reports.</source>
        <translation>Dockers %1-Ketten gibt es sowohl in iptables-legacy als auch in iptables-nft; Userchain verwendet %2, die Variante, die `%3 -V` meldet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Docker&apos;s %1 chains exist in both iptables-legacy and iptables-nft; Userchain uses %2, the one holding DOCKER-USER.</source>
        <translation>Dockers %1-Ketten gibt es sowohl in iptables-legacy als auch in iptables-nft; Userchain verwendet %2, die Variante mit DOCKER-USER.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>/etc/docker/daemon.json sets &quot;%1&quot;: false, so Docker creates no %2 chains.</source>
        <translation>/etc/docker/daemon.json setzt &quot;%1&quot;: false, daher legt Docker keine %2-Ketten an.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Docker uses its nftables firewall backend (Docker 29 and later, &quot;firewall-backend&quot;: &quot;nftables&quot;): it creates no DOCKER-USER chain.</source>
        <translation>Docker verwendet sein nftables-Firewall-Backend (Docker 29 und neuer, &quot;firewall-backend&quot;: &quot;nftables&quot;): Es legt keine DOCKER-USER-Kette an.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No Docker %1 chains were found in iptables-legacy or iptables-nft. Is Docker running?</source>
        <translation>Weder in iptables-legacy noch in iptables-nft wurden Docker-Ketten für %1 gefunden. Läuft Docker?</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The %1-legacy filter table cannot be read: %2</source>
        <translation>Die filter-Tabelle von %1-legacy kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>`%1-nft-save` could not be run, so Userchain cannot tell whether Docker&apos;s chains are in nf_tables: %2</source>
        <translation>`%1-nft-save` konnte nicht ausgeführt werden, daher kann Userchain nicht feststellen, ob Dockers Ketten in nf_tables liegen: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The %1 copy of Docker&apos;s chains is ignored; it is probably left over from an earlier Docker or iptables setup.</source>
        <translation>Die %1-Kopie von Dockers Ketten wird ignoriert; sie stammt wahrscheinlich von einer früheren Docker- oder iptables-Einrichtung.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>`%1` is the nf_tables variant, but Docker&apos;s chains are in the legacy tables: Docker was started with `%1-legacy`.</source>
        <translation>`%1` ist die nf_tables-Variante, aber Dockers Ketten liegen in den Legacy-Tabellen: Docker wurde mit `%1-legacy` gestartet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1-legacy tables exist too, but hold none of Docker&apos;s chains.</source>
        <translation>Es gibt auch %1-legacy-Tabellen, sie enthalten aber keine von Dockers Ketten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>/etc/docker/daemon.json disables Docker&apos;s %1 rules: the chains shown are left over, and Docker will not maintain them.</source>
        <translation>/etc/docker/daemon.json schaltet Dockers %1-Regeln ab: Die gezeigten Ketten sind übrig geblieben, und Docker pflegt sie nicht mehr.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Docker uses its nftables backend (table docker-bridges): a DOCKER-USER chain here is left over from iptables mode and Docker no longer maintains it.</source>
        <translation>Docker verwendet sein nftables-Backend (Tabelle docker-bridges): Eine DOCKER-USER-Kette hier ist aus dem iptables-Modus übrig geblieben, und Docker pflegt sie nicht mehr.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>/etc/docker/daemon.json is not valid JSON, so Userchain cannot tell how Docker is configured (and Docker will not start with it).</source>
        <translation>/etc/docker/daemon.json ist kein gültiges JSON, daher kann Userchain nicht erkennen, wie Docker eingerichtet ist (und Docker startet damit nicht).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>/etc/docker/daemon.json cannot be read, so Userchain cannot tell whether Docker manages the firewall.</source>
        <translation>/etc/docker/daemon.json kann nicht gelesen werden, daher kann Userchain nicht erkennen, ob Docker die Firewall verwaltet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>/etc/docker/daemon.json is too large to be read (over %1 bytes).</source>
        <translation>/etc/docker/daemon.json ist zu groß, um gelesen zu werden (über %1 Bytes).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>FORWARD does not jump to DOCKER-USER, so its rules have no effect.</source>
        <translation>FORWARD springt nicht zu DOCKER-USER, daher wirken dessen Regeln nicht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FORWARD jumps to DOCKER-USER at position %1; the rules before it see packets first.</source>
        <translation>FORWARD springt an Position %1 zu DOCKER-USER; die Regeln davor sehen die Pakete zuerst.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The rule is longer than the %1 bytes the helper takes.</source>
        <translation>Die Regel ist länger als die %1 Bytes, die der Helfer annimmt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The rule is too long to be written as one line of an iptables-restore file, as the saved rules and exports are.</source>
        <translation>Die Regel ist zu lang für eine Zeile einer iptables-restore-Datei, in der gespeicherte Regeln und Exporte stehen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The reference to a rule kept as it is (%1 characters at most) is damaged.</source>
        <translation>Der Verweis auf eine unverändert übernommene Regel (höchstens %1 Zeichen) ist beschädigt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This rule, which Userchain keeps as it is, is no longer in DOCKER-USER: the chain changed. Reload and apply again.</source>
        <translation>Diese Regel, die Userchain unverändert übernimmt, ist nicht mehr in DOCKER-USER: Die Kette hat sich geändert. Neu laden und erneut anwenden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A rule Userchain keeps as it is appears twice; it can only be moved, not copied.</source>
        <translation>Eine Regel, die Userchain unverändert übernimmt, kommt zweimal vor; sie kann nur verschoben, nicht kopiert werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This rule uses extensions Userchain does not know (%1), so its text cannot be loaded again. Replace or delete it first.</source>
        <translation>Diese Regel verwendet Erweiterungen, die Userchain nicht kennt (%1), daher kann ihr Text nicht wieder geladen werden. Ersetzen oder löschen Sie sie zuerst.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The firewall backend cannot write this rule where it is. %1</source>
        <translation>Das Firewall-Backend kann diese Regel an dieser Stelle nicht schreiben. %1</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>(%n more errors)</source>
        <translation>
            <numerusform>(%n weiterer Fehler)</numerusform>
            <numerusform>(%n weitere Fehler)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rule %1: %2</source>
        <translation>Regel %1: %2</translation>
    </message>
</context>
<context>
    <name>HelperError</name>
    <message>
        <location filename="../app/helperclient.cpp" line="-108"/>
        <source>There is no connection to the system bus.</source>
        <translation>Es gibt keine Verbindung zum Systembus.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no connection to %1.</source>
        <translation>Es gibt keine Verbindung mit %1.</translation>
    </message>
    <message>
        <location filename="../app/helpererror.cpp" line="+42"/>
        <source>Could not log in to %1</source>
        <translation>Anmeldung bei %1 fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The Userchain helper is not installed</source>
        <translation>Der Userchain-Hilfsdienst ist nicht installiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Userchain helper cannot be reached</source>
        <translation>Der Userchain-Hilfsdienst ist nicht erreichbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not authorized</source>
        <translation>Nicht berechtigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Authorization cancelled</source>
        <translation>Legitimierung abgebrochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DOCKER-USER changed outside Userchain</source>
        <translation>DOCKER-USER wurde außerhalb von Userchain geändert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The helper refused a rule</source>
        <translation>Der Hilfsdienst hat eine Regel abgelehnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The helper refused the request</source>
        <translation>Der Hilfsdienst hat die Anfrage abgelehnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DOCKER-USER does not exist</source>
        <translation>DOCKER-USER existiert nicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The firewall backend is not available</source>
        <translation>Das Firewall-Backend ist nicht verfügbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The firewall is busy</source>
        <translation>Die Firewall ist beschäftigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The confirmation period has already ended</source>
        <translation>Die Bestätigungsfrist ist bereits abgelaufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The installed helper is too old</source>
        <translation>Der installierte Hilfsdienst ist zu alt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The helper reported an error</source>
        <translation>Der Hilfsdienst hat einen Fehler gemeldet</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Userchain reads and changes the firewall only through its system helper (io.github.userchain.Helper1 on the system bus), and the bus does not know it. Install Userchain&apos;s helper package, which brings userchain-helper with its D-Bus and polkit files.</source>
        <translation>Userchain liest und ändert die Firewall nur über seinen Systemdienst (io.github.userchain.Helper1 am Systembus), und der Bus kennt ihn nicht. Installieren Sie das Hilfsdienst-Paket von Userchain; es bringt userchain-helper mit seinen D-Bus- und polkit-Dateien.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Userchain reads and changes the firewall of %1 only through the system helper there (io.github.userchain.Helper1 on its system bus), and that bus does not know it. Install Userchain&apos;s helper package on %1.</source>
        <translation>Userchain liest und ändert die Firewall von %1 nur über den Systemdienst dort (io.github.userchain.Helper1 am dortigen Systembus), und dieser Bus kennt ihn nicht. Installieren Sie das Hilfsdienst-Paket von Userchain auf %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ssh could not log in to %1, so nothing could be read there. Fix what ssh says, then try again.</source>
        <translation>ssh konnte sich nicht bei %1 anmelden, daher konnte dort nichts gelesen werden. Beheben Sie das von ssh gemeldete Problem und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The system bus or the helper did not answer. The helper may have failed to start; its log is in the system journal.</source>
        <translation>Der Systembus oder der Hilfsdienst hat nicht geantwortet. Vielleicht konnte der Hilfsdienst nicht starten; sein Protokoll steht im System-Journal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The connection to %1 or the helper there did not answer. The helper may have failed to start; its log is in the journal of %1.</source>
        <translation>Die Verbindung mit %1 oder der Hilfsdienst dort hat nicht geantwortet. Vielleicht konnte der Hilfsdienst nicht starten; sein Protokoll steht im Journal von %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The policy (polkit) of %1 did not allow this for the user ssh logged in as. Over ssh no password can be asked, so only a rule on %1 can allow it: Userchain ships one, inactive, that lets members of the group &quot;userchain&quot; read and apply. To enable it, run these commands on %1 as root (USER: the user you log in as; membership counts from the next login). Saving rules permanently still needs an administrator there.</source>
        <translation>Die Richtlinie (polkit) von %1 hat dies für den Benutzer, als der sich ssh angemeldet hat, nicht erlaubt. Über ssh kann kein Passwort abgefragt werden, daher kann nur eine Regel auf %1 es erlauben: Userchain liefert eine solche Regel inaktiv mit; sie erlaubt Mitgliedern der Gruppe „userchain“ das Lesen und Anwenden. Um sie zu aktivieren, führen Sie diese Befehle auf %1 als root aus (USER: der Benutzer, als der Sie sich anmelden; die Mitgliedschaft gilt ab der nächsten Anmeldung). Zum dauerhaften Speichern von Regeln ist dort weiterhin ein Administrator nötig.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The system&apos;s policy (polkit) did not allow this. Reading the firewall needs an active local session; changing it needs an administrator&apos;s password.</source>
        <translation>Die Richtlinie des Systems (polkit) hat dies nicht erlaubt. Das Lesen der Firewall erfordert eine aktive lokale Sitzung, das Ändern das Passwort eines Administrators.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The authentication dialog was closed, so nothing was read or changed.</source>
        <translation>Der Legitimierungsdialog wurde geschlossen, daher wurde nichts gelesen oder geändert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The rules in DOCKER-USER are no longer the ones your edits started from (someone ran iptables, or Docker restarted). Nothing was changed.</source>
        <translation>Die Regeln in DOCKER-USER sind nicht mehr die, von denen Ihre Änderungen ausgingen (jemand hat iptables ausgeführt, oder Docker wurde neu gestartet). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Docker has not created DOCKER-USER (it is not running, or it runs without iptables). Userchain can create the chain together with your rules.</source>
        <translation>Docker hat DOCKER-USER nicht angelegt (es läuft nicht oder ohne iptables). Userchain kann die Kette zusammen mit Ihren Regeln anlegen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Another program holds the xtables lock or a confirmation is pending. Try again in a moment.</source>
        <translation>Ein anderes Programm hält die xtables-Sperre, oder eine Bestätigung steht noch aus. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The helper already restored or kept the rules of this change.</source>
        <translation>Der Hilfsdienst hat die Regeln dieser Änderung bereits wiederhergestellt oder behalten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The userchain-helper on this system does not offer this function yet. Update the Userchain helper package to the version of this window.</source>
        <translation>Der userchain-helper auf diesem System bietet diese Funktion noch nicht. Aktualisieren Sie das Hilfsdienst-Paket von Userchain auf die Version dieses Fensters.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Details: %1</source>
        <translation>Einzelheiten: %1</translation>
    </message>
</context>
<context>
    <name>HostConnection</name>
    <message>
        <location filename="../app/hostconnection.cpp" line="+165"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ssh ended before it logged in.</source>
        <translation>ssh wurde vor der Anmeldung beendet.</translation>
    </message>
</context>
<context>
    <name>ImportExport</name>
    <message>
        <location filename="../app/importexport.cpp" line="+30"/>
        <source>Export DOCKER-USER</source>
        <translation>DOCKER-USER exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+199"/>
        <source>Import rules</source>
        <translation>Regeln importieren</translation>
    </message>
    <message>
        <location line="-194"/>
        <source>iptables-restore files (*.conf *.rules *.v4 *.v6)</source>
        <translation>iptables-restore-Dateien (*.conf *.rules *.v4 *.v6)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+58"/>
        <location line="+46"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 to %2 (load with: %3-restore -n %2)</source>
        <translation>%1 nach %2 (laden mit: %3-restore -n %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported %1.</source>
        <translation>%1 exportiert.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+30"/>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was not imported: one line could not be read.</source>
        <translation>%1 wurde nicht importiert: Eine Zeile konnte nicht gelesen werden.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 was not imported: %n lines could not be read.</source>
        <translation>
            <numerusform>%1 wurde nicht importiert: %n Zeile konnte nicht gelesen werden.</numerusform>
            <numerusform>%1 wurde nicht importiert: %n Zeilen konnten nicht gelesen werden.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Import one rule from %1</source>
        <translation>Eine Regel aus %1 importieren</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Import %n rules from %1</source>
        <translation>
            <numerusform>%n Regel aus %1 importieren</numerusform>
            <numerusform>%n Regeln aus %1 importieren</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The table already ends with %1; it was not added again.</source>
        <translation>Die Tabelle endet bereits mit %1; diese Regel wurde nicht noch einmal hinzugefügt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 holds one DOCKER-USER rule. Add it to the %2 table, or replace the table with it?</source>
        <translation>%1 enthält eine DOCKER-USER-Regel. Die Regel zur Tabelle %2 hinzufügen oder die Tabelle durch sie ersetzen?</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1 holds %n DOCKER-USER rules. Add them to the %2 table, or replace the table with them?</source>
        <translation>
            <numerusform>%1 enthält %n DOCKER-USER-Regel. Die Regel zur Tabelle %2 hinzufügen oder die Tabelle durch sie ersetzen?</numerusform>
            <numerusform>%1 enthält %n DOCKER-USER-Regeln. Die Regeln zur Tabelle %2 hinzufügen oder die Tabelle durch sie ersetzen?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add puts each rule where its command says: -I at the top (or at its position), -A at the end but before a final rule such as Docker&apos;s -j RETURN. Replace removes every rule the table has now; Undo brings them back.</source>
        <translation>„Hinzufügen“ setzt jede Regel dorthin, wo ihr Befehl es angibt: -I an den Anfang (oder an ihre Position), -A ans Ende, aber vor eine abschließende Regel wie Dockers -j RETURN. „Tabelle ersetzen“ entfernt alle Regeln, die die Tabelle jetzt enthält; „Rückgängig“ holt sie zurück.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Replace the table</source>
        <translation>Tabelle &amp;ersetzen</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>%1 has no DOCKER-USER rules.</source>
        <translation>%1 enthält keine DOCKER-USER-Regeln.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Docker&apos;s example policy</source>
        <translation>Dockers Beispielrichtlinie</translation>
    </message>
</context>
<context>
    <name>LayoutHint</name>
    <message>
        <location filename="../app/layouthint.cpp" line="+51"/>
        <source>Move it above rule %1</source>
        <translation>Vor Regel %1 verschieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move them above rule %1</source>
        <translation>Vor Regel %1 verschieben</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Move the unreachable rule above rule %1</source>
        <translation>Die nicht erreichbare Regel vor Regel %1 verschieben</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Move %n unreachable rules above rule %1</source>
        <translation>
            <numerusform>%n nicht erreichbare Regel vor Regel %1 verschieben</numerusform>
            <numerusform>%n nicht erreichbare Regeln vor Regel %1 verschieben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LintReview</name>
    <message>
        <location filename="../app/lintreview.cpp" line="+45"/>
        <source>Worth a check in the rules you add or change:</source>
        <translation>Prüfenswert in den Regeln, die Sie hinzufügen oder ändern:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.ui"/>
        <source>Address family</source>
        <translation>Adressfamilie</translation>
    </message>
    <message>
        <location/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location/>
        <source>&amp;Rules</source>
        <translation>&amp;Regeln</translation>
    </message>
    <message>
        <location/>
        <source>Fire&amp;wall</source>
        <translation>&amp;Firewall</translation>
    </message>
    <message>
        <location/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location/>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location/>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren …</translation>
    </message>
    <message>
        <location/>
        <source>Read DOCKER-USER rules from an iptables-restore file</source>
        <translation>DOCKER-USER-Regeln aus einer iptables-restore-Datei lesen</translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <location/>
        <source>The policy of Docker&apos;s page, for the first external interface</source>
        <translation>Die Richtlinie von Dockers Seite, für die erste externe Schnittstelle</translation>
    </message>
    <message>
        <location/>
        <source>&amp;Export as iptables.conf and ip6tables.conf…</source>
        <translation>&amp;Exportieren als iptables.conf und ip6tables.conf …</translation>
    </message>
    <message>
        <location/>
        <source>Write DOCKER-USER to files for iptables-restore -n (and ip6tables-restore -n)</source>
        <translation>DOCKER-USER in Dateien für iptables-restore -n (und ip6tables-restore -n) schreiben</translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <location/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location/>
        <source>&amp;Add rule…</source>
        <translation>Regel &amp;hinzufügen …</translation>
    </message>
    <message>
        <location/>
        <source>Type a new rule, checked as you type</source>
        <translation>Eine neue Regel eingeben, beim Tippen geprüft</translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location/>
        <source>&amp;Edit rule…</source>
        <translation>Regel &amp;bearbeiten …</translation>
    </message>
    <message>
        <location/>
        <source>Edit the selected rule&apos;s full text</source>
        <translation>Den vollständigen Text der ausgewählten Regel bearbeiten</translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location/>
        <source>&amp;Duplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <location/>
        <source>Copy the selected rules below them</source>
        <translation>Die ausgewählten Regeln darunter kopieren</translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <location/>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location/>
        <source>Delete the selected rules</source>
        <translation>Die ausgewählten Regeln löschen</translation>
    </message>
    <message>
        <location/>
        <source>Del</source>
        <translation>Del</translation>
    </message>
    <message>
        <location/>
        <source>Move the selected rules one place up</source>
        <translation>Die ausgewählten Regeln eine Stelle nach oben verschieben</translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+Up</source>
        <translation>Ctrl+Up</translation>
    </message>
    <message>
        <location/>
        <source>Move do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <location/>
        <source>Move the selected rules one place down</source>
        <translation>Die ausgewählten Regeln eine Stelle nach unten verschieben</translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+Down</source>
        <translation>Ctrl+Down</translation>
    </message>
    <message>
        <location/>
        <source>&amp;Copy as iptables command</source>
        <translation>Als iptables-Befehl &amp;kopieren</translation>
    </message>
    <message>
        <location/>
        <source>Copy the selected rules as iptables -I DOCKER-USER command lines</source>
        <translation>Die ausgewählten Regeln als Befehlszeilen iptables -I DOCKER-USER kopieren</translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <location/>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <location/>
        <source>Search the rules</source>
        <translation>Die Regeln durchsuchen</translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <location/>
        <source>Allow only one &amp;IP address…</source>
        <translation>Nur eine &amp;IP-Adresse zulassen …</translation>
    </message>
    <message>
        <location/>
        <source>Allow only a &amp;subnet…</source>
        <translation>Nur ein &amp;Subnetz zulassen …</translation>
    </message>
    <message>
        <location/>
        <source>Allow only a &amp;range…</source>
        <translation>Nur einen &amp;Bereich zulassen …</translation>
    </message>
    <message>
        <location/>
        <source>Open a &amp;published port…</source>
        <translation>Einen &amp;veröffentlichten Port öffnen …</translation>
    </message>
    <message>
        <location/>
        <source>Source &amp;and destination…</source>
        <translation>&amp;Quelle und Ziel …</translation>
    </message>
    <message>
        <location/>
        <source>&amp;Refresh</source>
        <translation>&amp;Neu einlesen</translation>
    </message>
    <message>
        <location/>
        <source>Read the rules and counters again</source>
        <translation>Regeln und Zähler erneut lesen</translation>
    </message>
    <message>
        <location/>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <location/>
        <source>Refresh counters every &amp;5 seconds</source>
        <translation>Zähler alle &amp;5 Sekunden aktualisieren</translation>
    </message>
    <message>
        <location/>
        <source>&amp;Apply…</source>
        <translation>&amp;Anwenden …</translation>
    </message>
    <message>
        <location/>
        <source>Review the changes and apply them to the system</source>
        <translation>Die Änderungen überprüfen und auf das System anwenden</translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <location/>
        <source>IPv&amp;4 (iptables)</source>
        <translation>IPv&amp;4 (iptables)</translation>
    </message>
    <message>
        <location/>
        <source>Show the IPv4 chains and DOCKER-USER</source>
        <translation>Die IPv4-Ketten und DOCKER-USER anzeigen</translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <location/>
        <source>IPv&amp;6 (ip6tables)</source>
        <translation>IPv&amp;6 (ip6tables)</translation>
    </message>
    <message>
        <location/>
        <source>Show the IPv6 chains and DOCKER-USER</source>
        <translation>Die IPv6-Ketten und DOCKER-USER anzeigen</translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <location/>
        <source>&amp;Save permanently…</source>
        <translation>Dauerhaft &amp;speichern …</translation>
    </message>
    <message>
        <location/>
        <source>Keep the active rules after a reboot: without this, DOCKER-USER is empty again when the machine restarts</source>
        <translation>Die aktiven Regeln über einen Neustart hinaus behalten: Ohne dies ist DOCKER-USER nach dem Neustart des Rechners wieder leer</translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location/>
        <source>Res&amp;tore saved rules…</source>
        <translation>Gespeicherte Regeln &amp;wiederherstellen …</translation>
    </message>
    <message>
        <location/>
        <source>Replace the active rules of the family on screen with the saved ones</source>
        <translation>Die aktiven Regeln der angezeigten Adressfamilie durch die gespeicherten ersetzen</translation>
    </message>
    <message>
        <location/>
        <source>&amp;About Userchain</source>
        <translation>Über &amp;Userchain</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="+94"/>
        <source>Exposure</source>
        <translation>Erreichbarkeit</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen:</translation>
    </message>
    <message>
        <location line="+234"/>
        <source>Exposure[*]</source>
        <translation>Erreichbarkeit[*]</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DOCKER-USER (%1)[*]</source>
        <translation>DOCKER-USER (%1)[*]</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: Exposure[*]</source>
        <translation>%1: Erreichbarkeit[*]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: DOCKER-USER (%2)[*]</source>
        <translation>%1: DOCKER-USER (%2)[*]</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>F&amp;ix: %1</source>
        <translation>Korr&amp;igieren: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Fix: %1</source>
        <translation>Korrektur: %1</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Discard changes?</source>
        <translation>Änderungen verwerfen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DOCKER-USER has changes that were not applied (%1). Quit anyway?</source>
        <translation>DOCKER-USER enthält Änderungen, die nicht angewendet wurden (%1). Trotzdem beenden?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>About Userchain</source>
        <translation>Über Userchain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Userchain&lt;/b&gt; %1&lt;br&gt;Edits Docker&apos;s DOCKER-USER chain of iptables and ip6tables and shows Docker&apos;s own chains read-only. Changes reach the system only through Apply, via the userchain-helper service.</source>
        <translation>&lt;b&gt;Userchain&lt;/b&gt; %1&lt;br&gt;Bearbeitet Dockers Kette DOCKER-USER von iptables und ip6tables und zeigt Dockers eigene Ketten schreibgeschützt an. Änderungen erreichen das System nur über „Anwenden“, mit Hilfe des Dienstes userchain-helper.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui"/>
        <source>&amp;Colour scheme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <location/>
        <source>Import Docker&apos;s e&amp;xample policy</source>
        <translation>&amp;Docker-Beispielrichtlinie importieren</translation>
    </message>
    <message>
        <location/>
        <source>Move u&amp;p</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <location/>
        <source>Start from the recommended p&amp;olicy…</source>
        <translation>Mit der empfohlenen &amp;Richtlinie beginnen …</translation>
    </message>
    <message>
        <location/>
        <source>Follow the &amp;system</source>
        <translation>Dem &amp;System folgen</translation>
    </message>
    <message>
        <location/>
        <source>Use the desktop&apos;s style and colours</source>
        <translation>Stil und Farben der Arbeitsumgebung verwenden</translation>
    </message>
    <message>
        <location/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location/>
        <source>Dark text on a light background</source>
        <translation>Dunkle Schrift auf hellem Hintergrund</translation>
    </message>
    <message>
        <location/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location/>
        <source>Light text on a dark background</source>
        <translation>Helle Schrift auf dunklem Hintergrund</translation>
    </message>
    <message>
        <location/>
        <source>&amp;Guide</source>
        <translation>&amp;Anleitung</translation>
    </message>
    <message>
        <location/>
        <source>What DOCKER-USER is, and how to build each example of Docker&apos;s page here</source>
        <translation>Was DOCKER-USER ist und wie Sie jedes Beispiel von Dockers Seite hier nachbauen</translation>
    </message>
    <message>
        <location/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location/>
        <source>&amp;Exposure</source>
        <translation>&amp;Erreichbarkeit</translation>
    </message>
    <message>
        <location/>
        <source>Show who can reach each published port, IPv4 and IPv6 side by side</source>
        <translation>Zeigen, wer jeden veröffentlichten Port erreicht, IPv4 und IPv6 nebeneinander</translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <location/>
        <location filename="../app/mainwindow.cpp" line="-89"/>
        <source>F&amp;ix rule</source>
        <translation>Regel korr&amp;igieren</translation>
    </message>
    <message>
        <location/>
        <source>Apply the fix offered for the selected rule (the mark by its number)</source>
        <translation>Die für die ausgewählte Regel angebotene Korrektur vornehmen (die Markierung neben ihrer Nummer)</translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <location/>
        <source>Test a &amp;packet…</source>
        <translation>Paket &amp;testen …</translation>
    </message>
    <message>
        <location/>
        <source>Follow one packet through the rules, your edits included: which rules it meets and what decides</source>
        <translation>Ein Paket durch die Regeln verfolgen, einschließlich Ihrer Änderungen: auf welche Regeln es trifft und was entscheidet</translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <location/>
        <source>Connect to &amp;Host…</source>
        <translation>Mit &amp;Rechner verbinden …</translation>
    </message>
    <message>
        <location/>
        <source>Edit the DOCKER-USER chain of another host over ssh, in a window of its own</source>
        <translation>Die Kette DOCKER-USER eines anderen Rechners über ssh bearbeiten, in einem eigenen Fenster</translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location/>
        <source>Apply These Rules to Another &amp;Host…</source>
        <translation>Diese Regeln auf einen anderen &amp;Rechner anwenden …</translation>
    </message>
    <message>
        <location/>
        <source>Replace another host&apos;s DOCKER-USER with the rules shown here, after reviewing the difference there</source>
        <translation>DOCKER-USER eines anderen Rechners durch die hier gezeigten Regeln ersetzen, nachdem Sie dort den Unterschied überprüft haben</translation>
    </message>
    <message>
        <location/>
        <source>&amp;Close Window</source>
        <translation>Fenster &amp;schließen</translation>
    </message>
    <message>
        <location/>
        <source>Ctrl+W</source>
        <translation>Ctrl+W</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <location filename="../app/messagebanner.cpp" line="+19"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Close this message (Esc)</source>
        <translation>Diese Meldung schließen (Esc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>OnlyIpPage</name>
    <message>
        <location filename="../app/onlyippage.cpp" line="+12"/>
        <source>Allow only one IP address</source>
        <translation>Nur eine IP-Adresse zulassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drops traffic to your containers that arrives on the external interface from any address but this one. Container-to-container traffic, which does not come in on that interface, is not affected.</source>
        <translation>Verwirft Verkehr an Ihre Container, der auf der externen Schnittstelle von einer anderen als dieser Adresse ankommt. Verkehr zwischen Containern, der nicht über diese Schnittstelle hereinkommt, ist nicht betroffen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>External &amp;interface:</source>
        <translation>Externe &amp;Schnittstelle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where traffic from outside arrives, e.g. eth0</source>
        <translation>Wo Verkehr von außen ankommt, z. B. eth0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Allowed address:</source>
        <translation>&amp;Erlaubte Adresse:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The one address that may reach your containers</source>
        <translation>Die eine Adresse, die Ihre Container erreichen darf</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose or type the external interface (where traffic from outside arrives).</source>
        <translation>Wählen Sie die externe Schnittstelle (wo Verkehr von außen ankommt) oder geben Sie sie ein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter the one address that may reach your containers.</source>
        <translation>Geben Sie die eine Adresse ein, die Ihre Container erreichen darf.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter one address; the subnet and range wizards allow more.</source>
        <translation>Geben Sie eine einzelne Adresse ein; die Assistenten für Subnetz und Bereich erlauben mehr.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Traffic arriving on %1 to any container is dropped unless it comes from %2; other interfaces are not affected.</source>
        <translation>Auf %1 ankommender Verkehr an beliebige Container wird verworfen, sofern er nicht von %2 kommt; andere Schnittstellen sind nicht betroffen.</translation>
    </message>
</context>
<context>
    <name>OnlyRangePage</name>
    <message>
        <location filename="../app/onlyrangepage.cpp" line="+21"/>
        <source>Allow only a range of addresses</source>
        <translation>Nur einen Adressbereich zulassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drops traffic from outside the range. The iprange match (-m iprange) that --src-range needs is added for you.</source>
        <translation>Verwirft Verkehr von außerhalb des Bereichs. Die Erweiterung iprange (-m iprange), die --src-range braucht, wird für Sie hinzugefügt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only for traffic to this &amp;destination range:</source>
        <translation>Nur für Verkehr &amp;an diesen Zielbereich:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>External &amp;interface:</source>
        <translation>Externe &amp;Schnittstelle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where traffic from outside arrives, e.g. eth0</source>
        <translation>Wo Verkehr von außen ankommt, z. B. eth0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allowed &amp;range:</source>
        <translation>Erlaubter &amp;Bereich:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First and last address, e.g. %1</source>
        <translation>Erste und letzte Adresse, z. B. %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destination range</source>
        <translation>Zielbereich</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose or type the external interface (where traffic from outside arrives).</source>
        <translation>Wählen Sie die externe Schnittstelle (wo Verkehr von außen ankommt) oder geben Sie sie ein.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter the allowed range as FIRST-LAST, e.g. %1.</source>
        <translation>Geben Sie den erlaubten Bereich als ERSTE-LETZTE ein, z. B. %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Enter the destination range as FIRST-LAST.</source>
        <translation>Geben Sie den Zielbereich als ERSTE-LETZTE ein.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Traffic arriving on %1 to %2 is dropped unless it comes from %3; other destinations and interfaces are not affected.</source>
        <translation>Auf %1 ankommender Verkehr an %2 wird verworfen, sofern er nicht aus %3 kommt; andere Ziele und Schnittstellen sind nicht betroffen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Traffic arriving on %1 to any container is dropped unless it comes from %2; other interfaces are not affected.</source>
        <translation>Auf %1 ankommender Verkehr an beliebige Container wird verworfen, sofern er nicht aus %2 kommt; andere Schnittstellen sind nicht betroffen.</translation>
    </message>
</context>
<context>
    <name>OnlySubnetPage</name>
    <message>
        <location filename="../app/onlysubnetpage.cpp" line="+12"/>
        <source>Allow only a subnet</source>
        <translation>Nur ein Subnetz zulassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drops traffic to your containers that arrives on the external interface from outside this subnet.</source>
        <translation>Verwirft Verkehr an Ihre Container, der auf der externen Schnittstelle von außerhalb dieses Subnetzes ankommt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>External &amp;interface:</source>
        <translation>Externe &amp;Schnittstelle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where traffic from outside arrives, e.g. eth0</source>
        <translation>Wo Verkehr von außen ankommt, z. B. eth0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allowed &amp;subnet:</source>
        <translation>Erlaubtes Sub&amp;netz:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A network with its prefix length</source>
        <translation>Ein Netz mit seiner Präfixlänge</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose or type the external interface (where traffic from outside arrives).</source>
        <translation>Wählen Sie die externe Schnittstelle (wo Verkehr von außen ankommt) oder geben Sie sie ein.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter the subnet with its prefix length, e.g. %1.</source>
        <translation>Geben Sie das Subnetz mit seiner Präfixlänge ein, z. B. %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Traffic arriving on %1 to any container is dropped unless it comes from %2; other interfaces are not affected.</source>
        <translation>Auf %1 ankommender Verkehr an beliebige Container wird verworfen, sofern er nicht aus %2 kommt; andere Schnittstellen sind nicht betroffen.</translation>
    </message>
</context>
<context>
    <name>PacketInput</name>
    <message>
        <location filename="../app/packetinput.cpp" line="+25"/>
        <source>%1: %2 is an %3 address, but the packet is %4. Choose %3 as the family, or type an %4 address such as %5.</source>
        <translation>%1: %2 ist eine %3-Adresse, das Paket ist aber ein %4-Paket. Wählen Sie %3 als Adressfamilie oder geben Sie eine %4-Adresse ein, etwa %5.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: a packet has one address; %2 is a network or a range. Type one address such as %3.</source>
        <translation>%1: Ein Paket hat genau eine Adresse; %2 ist ein Netz oder ein Bereich. Geben Sie eine einzelne Adresse ein, etwa %3.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: &quot;%2&quot; is not an %3 address (e.g. %4).</source>
        <translation>%1: „%2“ ist keine %3-Adresse (z. B. %4).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Type the packet&apos;s source address, e.g. %1.</source>
        <translation>Geben Sie die Quelladresse des Pakets ein, z. B. %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type the interface the packet arrives on, e.g. eth0.</source>
        <translation>Geben Sie die Schnittstelle ein, auf der das Paket ankommt, z. B. eth0.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Interface: %1</source>
        <translation>Schnittstelle: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Interface: a packet arrives on one interface; &quot;%1&quot; is a wildcard that rules use. Type a name such as eth0.</source>
        <translation>Schnittstelle: Ein Paket kommt auf genau einer Schnittstelle an; „%1“ ist ein Platzhalter, wie ihn Regeln verwenden. Geben Sie einen Namen wie eth0 ein.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choose a published port or type the destination port (1 to 65535).</source>
        <translation>Wählen Sie einen veröffentlichten Port oder geben Sie den Zielport ein (1 bis 65535).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Port: &quot;%1&quot; is not a port number (1 to 65535).</source>
        <translation>Port: „%1“ ist keine Portnummer (1 bis 65535).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
</context>
<context>
    <name>PacketTestDialog</name>
    <message>
        <location filename="../app/packettestdialog.cpp" line="+66"/>
        <source>Test a packet</source>
        <translation>Paket testen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Follows one packet through the rules as the table shows them now, your edits not yet applied included, and marks the rules it matches in the window&apos;s tables.</source>
        <translation>Verfolgt ein Paket durch die Regeln, wie die Tabelle sie jetzt zeigt, einschließlich Ihrer noch nicht angewendeten Änderungen, und markiert die Regeln, die es trifft, in den Tabellen des Fensters.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Problem with the packet</source>
        <translation>Problem mit dem Paket</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Verdict</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Notes on the answer</source>
        <translation>Hinweise zur Antwort</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>new connection (its first packet)</source>
        <translation>neue Verbindung (ihr erstes Paket)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>established connection (a later packet)</source>
        <translation>bestehende Verbindung (ein späteres Paket)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>icmp (ping)</source>
        <translation>icmp (ping)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a published port, or a number</source>
        <translation>ein veröffentlichter Port oder eine Nummer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>optional; empty: an address of this host</source>
        <translation>optional; leer: eine Adresse dieses Rechners</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Family:</source>
        <translation>&amp;Adressfamilie:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IPv4 follows the iptables rules, IPv6 the ip6tables ones</source>
        <translation>IPv4 folgt den iptables-Regeln, IPv6 den ip6tables-Regeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tate:</source>
        <translation>Zus&amp;tand:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new connection passes Docker&apos;s DNAT and most rules; a later packet of an established one is let through by the RELATED,ESTABLISHED rules</source>
        <translation>Eine neue Verbindung durchläuft Dockers DNAT und die meisten Regeln; ein späteres Paket einer bestehenden Verbindung wird von den RELATED,ESTABLISHED-Regeln durchgelassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Source address:</source>
        <translation>&amp;Quelladresse:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where the packet comes from: one address</source>
        <translation>Woher das Paket kommt: eine einzelne Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arriving on &amp;interface:</source>
        <translation>Eingangs-&amp;Schnittstelle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The interface the packet arrives on; the list holds this host&apos;s and those the rules name</source>
        <translation>Die Schnittstelle, auf der das Paket ankommt; die Liste enthält die dieses Rechners und die, die in den Regeln genannt werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Protocol:</source>
        <translation>P&amp;rotokoll:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destination p&amp;ort:</source>
        <translation>Ziel&amp;port:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The port the client connects to: one Docker publishes, or any number</source>
        <translation>Der Port, mit dem sich der Client verbindet: einer, den Docker veröffentlicht, oder eine beliebige Nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Destination address:</source>
        <translation>&amp;Zieladresse:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: the address the client connects to; empty means an address of this host, as for a published port</source>
        <translation>Optional: die Adresse, mit der sich der Client verbindet; leer bedeutet eine Adresse dieses Rechners, wie bei einem veröffentlichten Port</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>%1/%2 to %3 port %4</source>
        <translation>%1/%2 zu %3 Port %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, only on %1</source>
        <translation>, nur auf %1</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>There are no %1 chains to follow: the %1 tab says why.</source>
        <translation>Es gibt keine %1-Ketten zum Verfolgen: Der Reiter %1 nennt den Grund.</translation>
    </message>
</context>
<context>
    <name>PersistenceController</name>
    <message>
        <location filename="../app/persistencecontroller.cpp" line="+79"/>
        <source>Saved: —</source>
        <translation>Gespeichert: —</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved: unknown</source>
        <translation>Gespeichert: unbekannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to save</source>
        <translation>Nichts zu speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved: lost at reboot</source>
        <translation>Nicht gespeichert: nach Neustart verloren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved for reboot</source>
        <translation>Für Neustart gespeichert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unsaved changes since the last save</source>
        <translation>Ungespeicherte Änderungen seit dem letzten Speichern</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>There is no %1 DOCKER-USER to save.</source>
        <translation>Es gibt kein DOCKER-USER für %1, das gespeichert werden könnte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not ask for the saved rules: %1</source>
        <translation>Die gespeicherten Regeln konnten nicht abgefragt werden: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asking the helper for the saved rules…</source>
        <translation>Der Hilfsdienst wird nach den gespeicherten Regeln gefragt …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DOCKER-USER holds only what Docker puts there, and nothing is saved.</source>
        <translation>DOCKER-USER enthält nur, was Docker dort einträgt, und nichts ist gespeichert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The active %1 rules were never saved: they vanish at the next reboot. Use Save permanently to keep them.</source>
        <translation>Die aktiven %1-Regeln wurden nie gespeichert: Beim nächsten Neustart sind sie verschwunden. Verwenden Sie „Dauerhaft speichern“, um sie zu behalten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The active %1 rules are saved (%2) and come back at boot.</source>
        <translation>Die aktiven %1-Regeln sind gespeichert (%2) und kehren beim Systemstart zurück.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The active %1 rules differ from the ones saved on %2: after a reboot the saved ones come back. Save permanently to keep the active ones, or restore the saved ones.</source>
        <translation>Die aktiven %1-Regeln unterscheiden sich von den am %2 gespeicherten: Nach einem Neustart kehren die gespeicherten zurück. Speichern Sie dauerhaft, um die aktiven zu behalten, oder stellen Sie die gespeicherten wieder her.</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>There is no DOCKER-USER to save.</source>
        <translation>Es gibt kein DOCKER-USER, das gespeichert werden könnte.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rules in DOCKER-USER live only in the kernel: they vanish at the next reboot, and Docker then starts with an empty DOCKER-USER. Save permanently writes the active rules of %1 to /etc/userchain; userchain-restore.service puts them back at boot and whenever Docker restarts.</source>
        <translation>Regeln in DOCKER-USER existieren nur im Kernel: Beim nächsten Neustart sind sie verschwunden, und Docker beginnt dann mit einem leeren DOCKER-USER. „Dauerhaft speichern“ schreibt die aktiven Regeln von %1 nach /etc/userchain; userchain-restore.service stellt sie beim Systemstart und bei jedem Neustart von Docker wieder her.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Your edits to %1 are not applied yet and are not saved: saving writes the rules that are active now. Apply first to save your edits.</source>
        <translation>Ihre Änderungen an %1 sind noch nicht angewendet und werden nicht gespeichert: Gespeichert werden die Regeln, die jetzt aktiv sind. Wenden Sie zuerst an, um Ihre Änderungen zu speichern.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save permanently</source>
        <translation>Dauerhaft speichern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Save the active rules</source>
        <translation>Die aktiven Regeln &amp;speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Do not explain this again</source>
        <translation>&amp;Nicht noch einmal erklären</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing was saved.</source>
        <translation>Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saving… the system may ask for an administrator&apos;s password.</source>
        <translation>Speichern … das System fragt eventuell nach dem Passwort eines Administrators.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved the active %1 rules to %2; they come back at boot.</source>
        <translation>Die aktiven %1-Regeln wurden in %2 gespeichert; sie kehren beim Systemstart zurück.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The %1 rules were not saved</source>
        <translation>Die %1-Regeln wurden nicht gespeichert</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>%1 (one rule)</source>
        <translation>%1 (eine Regel)</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%1 (%n rules)</source>
        <translation>
            <numerusform>%1 (%n Regel)</numerusform>
            <numerusform>%1 (%n Regeln)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Replace the active %1 DOCKER-USER with the one rule saved on %2? The change takes effect at once.</source>
        <translation>Das aktive DOCKER-USER für %1 durch die eine am %2 gespeicherte Regel ersetzen? Die Änderung wirkt sofort.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Replace the active %1 DOCKER-USER with the %n rules saved on %2? The change takes effect at once.</source>
        <translation>
            <numerusform>Das aktive DOCKER-USER für %1 durch die %n am %2 gespeicherte Regel ersetzen? Die Änderung wirkt sofort.</numerusform>
            <numerusform>Das aktive DOCKER-USER für %1 durch die %n am %2 gespeicherten Regeln ersetzen? Die Änderung wirkt sofort.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Your unapplied %1 edits are discarded (export them first to keep them).</source>
        <translation>Ihre nicht angewendeten Änderungen an %1 werden verworfen (exportieren Sie sie vorher, um sie zu behalten).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore saved %1 rules</source>
        <translation>Gespeicherte %1-Regeln wiederherstellen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing was restored.</source>
        <translation>Es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Restoring the saved %1 rules…</source>
        <translation>Die gespeicherten %1-Regeln werden wiederhergestellt …</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The saved %1 rules are active again.</source>
        <translation>Die gespeicherten %1-Regeln sind wieder aktiv.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The saved %1 rules were not restored</source>
        <translation>Die gespeicherten %1-Regeln wurden nicht wiederhergestellt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saving rules for the next boot changes the system: it needs an administrator&apos;s password (polkit action io.github.userchain.persist), and the system did not allow it.</source>
        <translation>Regeln für den nächsten Systemstart zu speichern, verändert das System: Es erfordert das Passwort eines Administrators (polkit-Aktion io.github.userchain.persist), und das System hat es nicht erlaubt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restoring rules changes the firewall: it needs an administrator&apos;s password (polkit action io.github.userchain.apply), and the system did not allow it.</source>
        <translation>Regeln wiederherzustellen, verändert die Firewall: Es erfordert das Passwort eines Administrators (polkit-Aktion io.github.userchain.apply), und das System hat es nicht erlaubt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The authentication dialog was closed, so nothing was saved.</source>
        <translation>Der Legitimierungsdialog wurde geschlossen, daher wurde nichts gespeichert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The authentication dialog was closed, so nothing was restored.</source>
        <translation>Der Legitimierungsdialog wurde geschlossen, daher wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The active %1 DOCKER-USER holds rules Userchain keeps verbatim (they use extensions it does not know). Such rules cannot be written to the saved file, so nothing was saved. Replace or delete them, apply, and save again.</source>
        <translation>Das aktive DOCKER-USER für %1 enthält Regeln, die Userchain wörtlich übernimmt (sie verwenden Erweiterungen, die es nicht kennt). Solche Regeln können nicht in die gespeicherte Datei geschrieben werden, daher wurde nichts gespeichert. Ersetzen oder löschen Sie sie, wenden Sie an und speichern Sie erneut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The saved %1 file holds a rule the helper refuses, so nothing was restored. Save the active rules again to replace the file.</source>
        <translation>Die gespeicherte Datei für %1 enthält eine Regel, die der Hilfsdienst ablehnt, daher wurde nichts wiederhergestellt. Speichern Sie die aktiven Regeln erneut, um die Datei zu ersetzen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no %1 DOCKER-USER chain: Docker has not created it.</source>
        <translation>Es gibt keine Kette DOCKER-USER für %1: Docker hat sie nicht angelegt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The helper cannot write %1 rules on this host (no backend it can write to).</source>
        <translation>Der Hilfsdienst kann auf diesem Rechner keine %1-Regeln schreiben (kein beschreibbares Backend).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Another program holds the xtables lock, or a confirmed apply is still waiting to be kept. Try again in a moment.</source>
        <translation>Ein anderes Programm hält die xtables-Sperre, oder ein bestätigtes Anwenden wartet noch darauf, behalten zu werden. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Details: %1</source>
        <translation>Einzelheiten: %1</translation>
    </message>
</context>
<context>
    <name>PolicyPreviewPage</name>
    <message>
        <location filename="../app/policypreviewpage.cpp" line="+15"/>
        <source>Review the policy</source>
        <translation>Richtlinie überprüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These rules go into DOCKER-USER in this order. Nothing reaches the system until you Apply.</source>
        <translation>Diese Regeln kommen in dieser Reihenfolge nach DOCKER-USER. Nichts erreicht das System, bevor Sie anwenden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rules of the policy</source>
        <translation>Regeln der Richtlinie</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the rules do</source>
        <translation>Was die Regeln bewirken</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>&amp;Replace the table (its %n rules are removed; Undo brings them back)</source>
        <translation>
            <numerusform>&amp;Tabelle ersetzen (ihre %n Regel wird entfernt; Rückgängig holt sie zurück)</numerusform>
            <numerusform>&amp;Tabelle ersetzen (ihre %n Regeln werden entfernt; Rückgängig holt sie zurück)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add to the table, before its final RETURN</source>
        <translation>Zur Tabelle &amp;hinzufügen, vor ihrem abschließenden RETURN</translation>
    </message>
</context>
<context>
    <name>PublishedPortPage</name>
    <message>
        <location filename="../app/publishedportpage.cpp" line="+14"/>
        <source>Open a published port</source>
        <translation>Einen veröffentlichten Port öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lets traffic to one of Docker&apos;s published host ports through (RETURN hands it on to Docker&apos;s own rules). Packets reach DOCKER-USER after Docker has rewritten their destination to the container, so --dport would see the container&apos;s port, not the one clients connect to: the rule matches the original destination port with conntrack&apos;s --ctorigdstport, and --ctdir ORIGINAL keeps replies from matching too. With sources, each gets its RETURN and a DROP for the port follows, so that nobody else reaches it.</source>
        <translation>Lässt Verkehr an einen von Dockers veröffentlichten Host-Ports durch (RETURN reicht ihn an Dockers eigene Regeln weiter). Pakete erreichen DOCKER-USER, nachdem Docker ihr Ziel auf den Container umgeschrieben hat; --dport sähe daher den Port des Containers, nicht den, mit dem sich Clients verbinden: Die Regel prüft den ursprünglichen Zielport mit --ctorigdstport von conntrack, und --ctdir ORIGINAL verhindert, dass auch Antworten zutreffen. Mit Quellen erhält jede ihr eigenes RETURN, und danach folgt ein DROP für den Port, damit sonst niemand ihn erreicht.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. 8080</source>
        <translation>z. B. 8080</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, only on %1</source>
        <translation>, nur auf %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2%3, to container %4)</source>
        <translation>%1 (%2%3, zu Container %4)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>any interface</source>
        <translation>jede Schnittstelle</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>optional, e.g. %1; empty: everyone</source>
        <translation>optional, z. B. %1; leer: alle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Arriving on &amp;interface:</source>
        <translation>Eingangs-&amp;Schnittstelle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the clients&apos; traffic arrives; the other interfaces are not changed</source>
        <translation>Wo der Verkehr der Clients ankommt; die anderen Schnittstellen bleiben unverändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only from &amp;sources:</source>
        <translation>Nur von &amp;Quellen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: addresses or subnets, separated by commas or spaces; everyone else is dropped. Empty means everyone</source>
        <translation>Optional: Adressen oder Subnetze, durch Kommas oder Leerzeichen getrennt; der Verkehr aller anderen wird verworfen. Leer bedeutet alle</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>%1/%2 (→ %3)</source>
        <translation>%1/%2 (→ %3)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: open to everyone on any interface.</source>
        <translation>%1: für alle offen, auf jeder Schnittstelle.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: open to everyone on %2; unchanged on other interfaces.</source>
        <translation>%1: auf %2 für alle offen; auf anderen Schnittstellen unverändert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: only from %2, on every interface; everyone else is dropped.</source>
        <translation>%1: nur von %2, auf jeder Schnittstelle; der Verkehr aller anderen wird verworfen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: only from %2 on %3; unchanged on other interfaces.</source>
        <translation>%1: auf %3 nur von %2; auf anderen Schnittstellen unverändert.</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>Host &amp;port:</source>
        <translation>Host-&amp;Port:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A port Docker publishes on this host, or a port number</source>
        <translation>Ein Port, den Docker auf diesem Rechner veröffentlicht, oder eine Portnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;rotocol:</source>
        <translation>P&amp;rotokoll:</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Choose a published port or type a port number.</source>
        <translation>Wählen Sie einen veröffentlichten Port oder geben Sie eine Portnummer ein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a port number (1-65535).</source>
        <translation>„%1“ ist keine Portnummer (1–65535).</translation>
    </message>
</context>
<context>
    <name>RawRuleDialog</name>
    <message>
        <location filename="../ui/rawruledialog.ui"/>
        <source>Type the rule as you would after &lt;tt&gt;iptables -A DOCKER-USER&lt;/tt&gt;, for example &lt;tt&gt;-i eth0 ! -s 192.168.1.1 -j DROP&lt;/tt&gt;.</source>
        <translation>Geben Sie die Regel so ein wie nach &lt;tt&gt;iptables -A DOCKER-USER&lt;/tt&gt;, zum Beispiel &lt;tt&gt;-i eth0 ! -s 192.168.1.1 -j DROP&lt;/tt&gt;.</translation>
    </message>
    <message>
        <location filename="../app/rawruledialog.cpp" line="+24"/>
        <source>A&amp;lso add to the %1 table</source>
        <translation>A&amp;uch zur Tabelle %1 hinzufügen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only a rule without an address (and without ICMP of one family) can go to both tables.</source>
        <translation>Nur eine Regel ohne Adresse (und ohne ICMP einer Adressfamilie) kann in beide Tabellen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type the %1 rule as you would after &lt;tt&gt;%2 -A DOCKER-USER&lt;/tt&gt;, for example &lt;tt&gt;-i eth0 ! -s %3 -j DROP&lt;/tt&gt;, or paste a whole &lt;tt&gt;%2&lt;/tt&gt; command from Docker&apos;s page.</source>
        <translation>Geben Sie die %1-Regel so ein wie nach &lt;tt&gt;%2 -A DOCKER-USER&lt;/tt&gt;, zum Beispiel &lt;tt&gt;-i eth0 ! -s %3 -j DROP&lt;/tt&gt;, oder fügen Sie einen vollständigen Befehl &lt;tt&gt;%2&lt;/tt&gt; von Dockers Seite ein.</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Valid: one rule per address of the list, as iptables makes them: %1</source>
        <translation>Gültig: eine Regel je Adresse der Liste, wie iptables sie anlegt: %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>This is an %1 command: its rule belongs in the %2 table. Add it there, or start the line with %3.</source>
        <translation>Dies ist ein Befehl für %1: Seine Regel gehört in die Tabelle %2. Fügen Sie sie dort hinzu oder beginnen Sie die Zeile mit %3.</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Type a rule.</source>
        <translation>Geben Sie eine Regel ein.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Valid. iptables-save will show it as: %1</source>
        <translation>Gültig. iptables-save zeigt sie so an: %1</translation>
    </message>
    <message>
        <location filename="../ui/rawruledialog.ui"/>
        <source>&amp;Rule:</source>
        <translation>&amp;Regel:</translation>
    </message>
    <message>
        <location/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location/>
        <source>The rule&apos;s options as after iptables -A DOCKER-USER; checked as you type</source>
        <translation>Die Optionen der Regel wie nach iptables -A DOCKER-USER; beim Tippen geprüft</translation>
    </message>
    <message>
        <location/>
        <source>Check result</source>
        <translation>Prüfergebnis</translation>
    </message>
</context>
<context>
    <name>RebaseNotice</name>
    <message>
        <location filename="../app/rebasenotice.cpp" line="+8"/>
        <source>DOCKER-USER (%1) changed outside Userchain</source>
        <translation>DOCKER-USER (%1) wurde außerhalb von Userchain geändert</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The system&apos;s rules are no longer the ones your edits started from, so Apply would be refused.
Keep my edits: your edits go on top of the current rules. Rules added outside stay in their place (marked), rules removed outside stay removed, and you review the result before anything is applied.
Reload: shows the current rules and discards your edits.</source>
        <translation>Die Regeln im System sind nicht mehr die, von denen Ihre Änderungen ausgingen, daher würde „Anwenden“ verweigert.
Meine Änderungen behalten: Ihre Änderungen bleiben auf Grundlage der aktuellen Regeln erhalten. Außerhalb hinzugefügte Regeln bleiben an ihrem Platz (markiert), außerhalb entfernte Regeln bleiben entfernt, und Sie überprüfen das Ergebnis, bevor etwas angewendet wird.
Neu laden: zeigt die aktuellen Regeln und verwirft Ihre Änderungen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keep my edits (rebase)</source>
        <translation>Meine Änderungen behalten (Rebase)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reload (discard my edits)</source>
        <translation>Neu laden (meine Änderungen verwerfen)</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n rule added outside Userchain was kept and is marked (bold) in the table.</source>
        <translation>
            <numerusform>%n außerhalb von Userchain hinzugefügte Regel wurde behalten und ist in der Tabelle (fett) markiert.</numerusform>
            <numerusform>%n außerhalb von Userchain hinzugefügte Regeln wurden behalten und sind in der Tabelle (fett) markiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n rules added outside Userchain were kept and are marked (bold) in the table.</source>
        <translation>
            <numerusform>%n außerhalb von Userchain hinzugefügte Regel wurde behalten und ist in der Tabelle (fett) markiert.</numerusform>
            <numerusform>%n außerhalb von Userchain hinzugefügte Regeln wurden behalten und sind in der Tabelle (fett) markiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n rule removed outside Userchain stays removed.</source>
        <translation>
            <numerusform>%n außerhalb von Userchain entfernte Regel bleibt entfernt.</numerusform>
            <numerusform>%n außerhalb von Userchain entfernte Regeln bleiben entfernt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n rules removed outside Userchain stay removed.</source>
        <translation>
            <numerusform>%n außerhalb von Userchain entfernte Regel bleibt entfernt.</numerusform>
            <numerusform>%n außerhalb von Userchain entfernte Regeln bleiben entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your table now holds the current rules: there is nothing to apply.</source>
        <translation>Ihre Tabelle enthält jetzt die aktuellen Regeln: Es gibt nichts anzuwenden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your edit is kept on top of the current rules.</source>
        <translation>Ihre Änderung bleibt auf Grundlage der aktuellen Regeln erhalten.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Your %n edits are kept on top of the current rules.</source>
        <translation>
            <numerusform>Ihre %n Änderung bleibt auf Grundlage der aktuellen Regeln erhalten.</numerusform>
            <numerusform>Ihre %n Änderungen bleiben auf Grundlage der aktuellen Regeln erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review and apply.</source>
        <translation>Überprüfen Sie das Ergebnis und wenden Sie es an.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review and apply…</source>
        <translation>Überprüfen und anwenden …</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>One rule was changed both here and outside Userchain; check it before you apply:</source>
        <translation>Eine Regel wurde sowohl hier als auch außerhalb von Userchain geändert; prüfen Sie sie, bevor Sie anwenden:</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n rules were changed both here and outside Userchain; check them before you apply:</source>
        <translation>
            <numerusform>%n Regel wurde sowohl hier als auch außerhalb von Userchain geändert; prüfen Sie sie, bevor Sie anwenden:</numerusform>
            <numerusform>%n Regeln wurden sowohl hier als auch außerhalb von Userchain geändert; prüfen Sie sie, bevor Sie anwenden:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>You edited %1, which was removed outside Userchain. Your version is kept as a new rule:</source>
        <translation>Sie haben %1 bearbeitet; diese Regel wurde außerhalb von Userchain entfernt. Ihre Fassung bleibt als neue Regel erhalten:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You edited %1, which was changed outside Userchain too. Both versions are kept, yours and the one from outside (marked):</source>
        <translation>Sie haben %1 bearbeitet; diese Regel wurde auch außerhalb von Userchain geändert. Beide Fassungen bleiben erhalten, Ihre und die von außerhalb (markiert):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You deleted %1, which was changed outside Userchain. The changed rule is kept (marked); delete it again if you do not want it:</source>
        <translation>Sie haben %1 gelöscht; diese Regel wurde außerhalb von Userchain geändert. Die geänderte Regel bleibt erhalten (markiert); löschen Sie sie erneut, wenn Sie sie nicht wollen:</translation>
    </message>
</context>
<context>
    <name>RecommendedPolicyPage</name>
    <message>
        <location filename="../app/recommendedpolicypage.cpp" line="+21"/>
        <source>Start from the recommended policy</source>
        <translation>Mit der empfohlenen Richtlinie beginnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Docker&apos;s example for a host facing the internet on one interface: replies to existing connections pass, some published ports are open to all, one is open to chosen subnets only, and everything else arriving on the WAN interface is dropped. You will see the rules before they are used.</source>
        <translation>Dockers Beispiel für einen Rechner, der über eine Schnittstelle mit dem Internet verbunden ist: Antworten auf bestehende Verbindungen kommen durch, einige veröffentlichte Ports sind für alle offen, einer nur für ausgewählte Subnetze, und alles andere, was auf der WAN-Schnittstelle ankommt, wird verworfen. Sie sehen die Regeln, bevor sie verwendet werden.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;WAN interface:</source>
        <translation>WAN-&amp;Schnittstelle:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The interface facing the internet</source>
        <translation>Die Schnittstelle zum Internet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ports &amp;open to everyone (TCP):</source>
        <translation>Für alle &amp;offene Ports (TCP):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published ports, separated by spaces</source>
        <translation>Veröffentlichte Ports, durch Leerzeichen getrennt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port open to some &amp;subnets (TCP):</source>
        <translation>Port nur für &amp;bestimmte Subnetze (TCP):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Those s&amp;ubnets:</source>
        <translation>&amp;Diese Subnetze:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Networks separated by spaces</source>
        <translation>Netze, durch Leerzeichen getrennt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose or type the WAN interface.</source>
        <translation>Wählen Sie die WAN-Schnittstelle oder geben Sie sie ein.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Enter the subnets that may reach port %1, or clear the port.</source>
        <translation>Geben Sie die Subnetze ein, die Port %1 erreichen dürfen, oder leeren Sie das Portfeld.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>replies to existing connections pass</source>
        <translation>Antworten auf bestehende Verbindungen kommen durch</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>port %1 is open to everyone</source>
        <translation>Port %1 ist für alle offen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ports %1 are open to everyone</source>
        <translation>Ports %1 sind für alle offen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>port %1 only from %2</source>
        <translation>Port %1 nur von %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On %1: %2; everything else arriving on %1 is dropped. Other interfaces are not affected.</source>
        <translation>Auf %1: %2; alles andere, was auf %1 ankommt, wird verworfen. Andere Schnittstellen sind nicht betroffen.</translation>
    </message>
</context>
<context>
    <name>RemoveRulesCommand</name>
    <message>
        <location filename="../app/removerulescommand.cpp" line="+15"/>
        <source>Delete rule %1</source>
        <translation>Regel %1 löschen</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Delete %n rules</source>
        <translation>
            <numerusform>%n Regel löschen</numerusform>
            <numerusform>%n Regeln löschen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RowLegend</name>
    <message>
        <location filename="../app/rowlegend.cpp" line="+15"/>
        <source>Rows:</source>
        <translation>Zeilen:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Legend of the row styles</source>
        <translation>Legende der Zeilenstile</translation>
    </message>
</context>
<context>
    <name>RowLints</name>
    <message>
        <location filename="../app/rowlints.cpp" line="+41"/>
        <source>Check: %1</source>
        <translation>Zu prüfen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fix (context menu or Edit menu): %1</source>
        <translation>Korrektur (Kontextmenü oder Menü „Bearbeiten“): %1</translation>
    </message>
</context>
<context>
    <name>RowStyle</name>
    <message>
        <location filename="../app/rowstyle.cpp" line="+67"/>
        <source>Never hit</source>
        <translation>Nie getroffen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Never reached</source>
        <translation>Nie erreicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kept as it is</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not (negated)</source>
        <translation>Nicht (negiert)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not applied yet</source>
        <translation>Noch nicht angewendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Added outside</source>
        <translation>Von außen hinzugefügt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check this rule</source>
        <translation>Diese Regel prüfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Matched by the tested packet</source>
        <translation>Vom getesteten Paket getroffen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Packets pass through DOCKER-USER, but none has matched this rule since its counters were last reset.</source>
        <translation>Pakete durchlaufen DOCKER-USER, aber seit dem letzten Zurücksetzen der Zähler hat keines diese Regel getroffen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An earlier rule ends the chain for every packet, so no packet gets here.</source>
        <translation>Eine frühere Regel beendet die Kette für jedes Paket, daher gelangt kein Paket hierher.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Uses extensions Userchain does not know: kept exactly as it is; you can move or delete it, not edit it.</source>
        <translation>Verwendet Erweiterungen, die Userchain nicht kennt: wird genau so beibehalten, wie sie ist; Sie können sie verschieben oder löschen, aber nicht bearbeiten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The cell matches everything except what it names, e.g. every source but 192.168.1.1.</source>
        <translation>Die Zelle trifft auf alles zu außer dem, was sie nennt, z. B. jede Quelle außer 192.168.1.1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New or changed since the last Apply: the kernel counts packets only for rules it holds.</source>
        <translation>Neu oder geändert seit dem letzten Anwenden: Der Kernel zählt Pakete nur für Regeln, die er enthält.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Added outside Userchain while you were editing, and kept in its place. Delete it if you do not want it.</source>
        <translation>Außerhalb von Userchain hinzugefügt, während Sie bearbeitet haben, und an ihrem Platz behalten. Löschen Sie sie, wenn Sie sie nicht wollen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Worth a check, and proven from the rules: this rule never matches, repeats a rule above, tests a port Docker has already rewritten, skips Docker&apos;s checks with ACCEPT, drops replies to the containers&apos; own connections, or names an address no published container has. Userchain never guesses: what it cannot prove gets no mark. Point at the rule for the reason; its context menu and the Edit menu offer the fix where there is one.</source>
        <translation>Prüfenswert und aus den Regeln belegt: Diese Regel trifft nie zu, wiederholt eine Regel weiter oben, prüft einen Port, den Docker bereits umgeschrieben hat, überspringt mit ACCEPT Dockers Prüfungen, verwirft Antworten auf die eigenen Verbindungen der Container oder nennt eine Adresse, die kein veröffentlichter Container hat. Userchain rät nie: Was es nicht belegen kann, wird nicht markiert. Zeigen Sie auf die Regel, um den Grund zu sehen; ihr Kontextmenü und das Menü „Bearbeiten“ bieten die Korrektur an, wo es eine gibt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The packet of Firewall → Test a packet matches this rule on its way; the mark goes when that window closes.</source>
        <translation>Das Paket aus „Firewall → Paket testen“ trifft auf seinem Weg diese Regel; die Markierung verschwindet, wenn dieses Fenster geschlossen wird.</translation>
    </message>
</context>
<context>
    <name>RuleActions</name>
    <message>
        <location filename="../app/ruleactions.cpp" line="+129"/>
        <source>%1 (from %2)</source>
        <translation>%1 (aus %2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Added to %1 and %2; each family applies and undoes on its own.</source>
        <translation>Zu %1 und %2 hinzugefügt; jede Adressfamilie wird für sich angewendet und rückgängig gemacht.</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+5"/>
        <source>Add rule</source>
        <translation>Regel hinzufügen</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Add rule (also in %1)</source>
        <translation>Regel hinzufügen (auch in %1)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Rule %1 is kept verbatim: it can be moved or deleted, not edited.</source>
        <translation>Regel %1 wird wörtlich übernommen: Sie kann verschoben oder gelöscht, aber nicht bearbeitet werden.</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Add %1 rule</source>
        <translation>%1-Regel hinzufügen</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Add %n rules</source>
        <translation>
            <numerusform>%n Regel hinzufügen</numerusform>
            <numerusform>%n Regeln hinzufügen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+5"/>
        <source>Edit rule %1</source>
        <translation>Regel %1 bearbeiten</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Duplicate rule %1</source>
        <translation>Regel %1 duplizieren</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Duplicate %n rules</source>
        <translation>
            <numerusform>%n Regel duplizieren</numerusform>
            <numerusform>%n Regeln duplizieren</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Move rule %1 up</source>
        <translation>Regel %1 nach oben verschieben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move rule %1 down</source>
        <translation>Regel %1 nach unten verschieben</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Move %n rules up</source>
        <translation>
            <numerusform>%n Regel nach oben verschieben</numerusform>
            <numerusform>%n Regeln nach oben verschieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Move %n rules down</source>
        <translation>
            <numerusform>%n Regel nach unten verschieben</numerusform>
            <numerusform>%n Regeln nach unten verschieben</numerusform>
        </translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Copied: %1</source>
        <translation>Kopiert: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Replace rules with the recommended policy</source>
        <translation>Regeln durch die empfohlene Richtlinie ersetzen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (also in %2)</source>
        <translation>%1 (auch in %2)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Fix rule %1: %2</source>
        <translation>Regel %1 korrigieren: %2</translation>
    </message>
</context>
<context>
    <name>RuleCells</name>
    <message>
        <location filename="../app/rulecells.cpp" line="+105"/>
        <source>This rule is kept verbatim and cannot be edited.</source>
        <translation>Diese Regel wird wörtlich übernommen und kann nicht bearbeitet werden.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>This column is edited in the rule dialog.</source>
        <translation>Diese Spalte wird im Regeldialog bearbeitet.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Uses extensions Userchain does not know (%1). It is kept exactly as it is: you can move or delete it, not edit it.</source>
        <translation>Verwendet Erweiterungen, die Userchain nicht kennt (%1). Sie wird genau so beibehalten, wie sie ist: Sie können sie verschieben oder löschen, aber nicht bearbeiten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Never reached: rule %1 ends the chain for every packet before it gets here.</source>
        <translation>Nie erreicht: Regel %1 beendet die Kette für jedes Paket, bevor es hierher gelangt.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No packet yet: no rule of DOCKER-USER has counted a packet since the counters were reset (just applied, or no forwarded traffic so far).</source>
        <translation>Noch kein Paket: Seit dem Zurücksetzen der Zähler hat keine Regel von DOCKER-USER ein Paket gezählt (gerade angewendet oder bisher kein weitergeleiteter Verkehr).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New or changed: no counters until it is applied.</source>
        <translation>Neu oder geändert: keine Zähler, bis sie angewendet ist.</translation>
    </message>
</context>
<context>
    <name>RuleDelegate</name>
    <message>
        <location filename="../app/ruledelegate.cpp" line="+23"/>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
</context>
<context>
    <name>RuleFormatter</name>
    <message>
        <location filename="../app/ruleformatter.cpp" line="+14"/>
        <source>not %1</source>
        <translation>nicht %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+15"/>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+10"/>
        <source>range %1</source>
        <translation>Bereich %1</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>from port</source>
        <translation>von Port</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>published port</source>
        <translation>veröffentlichter Port</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>original source port</source>
        <translation>ursprünglicher Quellport</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>fragments</source>
        <translation>Fragmente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>original source</source>
        <translation>ursprüngliche Quelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>original destination</source>
        <translation>ursprüngliches Ziel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(count only)</source>
        <translation>(nur zählen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>goto %1</source>
        <translation>goto %1</translation>
    </message>
</context>
<context>
    <name>RuleTableModel</name>
    <message>
        <location filename="../app/ruletablemodel.cpp" line="+208"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In</source>
        <translation>Ein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Out</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol / ports</source>
        <translation>Protokoll / Ports</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Packets</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Edit %1 of rule %2</source>
        <translation>%1 von Regel %2 bearbeiten</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Move rule %1</source>
        <translation>Regel %1 verschieben</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Move %n rules</source>
        <translation>
            <numerusform>%n Regel verschieben</numerusform>
            <numerusform>%n Regeln verschieben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RuleTableView</name>
    <message>
        <location filename="../app/ruletableview.cpp" line="+27"/>
        <source>Search rules (address, port, target, comment…)</source>
        <translation>Regeln durchsuchen (Adresse, Port, Aktion, Kommentar …)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search rules</source>
        <translation>Regeln durchsuchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows only the rules whose text contains what you type</source>
        <translation>Zeigt nur die Regeln, deren Text das Eingegebene enthält</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>DOCKER-USER rules</source>
        <translation>DOCKER-USER-Regeln</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The rules in the order the kernel tries them. F2 edits a cell, Ctrl+Up and Ctrl+Down move the selected rules, Delete removes them.</source>
        <translation>Die Regeln in der Reihenfolge, in der der Kernel sie prüft. F2 bearbeitet eine Zelle, Strg+Pfeil hoch und Strg+Pfeil runter verschieben die ausgewählten Regeln, Entf löscht sie.</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>DOCKER-USER rules (%1)</source>
        <translation>DOCKER-USER-Regeln (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search %1 rules</source>
        <translation>%1-Regeln durchsuchen</translation>
    </message>
</context>
<context>
    <name>RuleWizard</name>
    <message>
        <location filename="../app/rulewizard.cpp" line="+23"/>
        <source>Add to &amp;table</source>
        <translation>Zur &amp;Tabelle hinzufügen</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>&amp;Use these rules</source>
        <translation>Diese Regeln &amp;verwenden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Allow only one IP address</source>
        <translation>Nur eine IP-Adresse zulassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allow only a subnet</source>
        <translation>Nur ein Subnetz zulassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allow only a range</source>
        <translation>Nur einen Bereich zulassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a published port</source>
        <translation>Einen veröffentlichten Port öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source and destination</source>
        <translation>Quelle und Ziel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start from the recommended policy</source>
        <translation>Mit der empfohlenen Richtlinie beginnen</translation>
    </message>
</context>
<context>
    <name>RuleWizardPage</name>
    <message>
        <location filename="../app/rulewizardpage.cpp" line="+37"/>
        <source>Rules to add to %1</source>
        <translation>Hinzuzufügende Regeln für %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rules to add</source>
        <translation>Hinzuzufügende Regeln</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What the rules do</source>
        <translation>Was die Regeln bewirken</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Also add to the %1 table</source>
        <translation>Auch zur Tabelle %1 hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adds the same rules to the other address family&apos;s DOCKER-USER; only possible for rules without an address</source>
        <translation>Fügt dieselben Regeln auch zu DOCKER-USER der anderen Adressfamilie hinzu; nur für Regeln ohne Adresse möglich</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only rules without an address (and without ICMP of one family) can go to both tables: %1 addresses mean nothing to %2.</source>
        <translation>Nur Regeln ohne Adresse (und ohne ICMP einer Adressfamilie) können in beide Tabellen: %1-Adressen bedeuten %2 nichts.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Rule %1 (&lt;tt&gt;%2&lt;/tt&gt;) would catch these packets first: the new rule would never run below it.</source>
        <translation>Regel %1 (&lt;tt&gt;%2&lt;/tt&gt;) würde diese Pakete zuerst erfassen: Die neue Regel käme darunter nie zum Zug.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Rule %1 (&lt;tt&gt;%2&lt;/tt&gt;) would catch packets of the %n new rules first: below it they would not do what they say.</source>
        <translation>
            <numerusform>Regel %1 (&lt;tt&gt;%2&lt;/tt&gt;) würde Pakete der %n neuen Regel zuerst erfassen: Darunter täte sie nicht, was sie verspricht.</numerusform>
            <numerusform>Regel %1 (&lt;tt&gt;%2&lt;/tt&gt;) würde Pakete der %n neuen Regeln zuerst erfassen: Darunter täten sie nicht, was sie versprechen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Insert ab&amp;ove rule %1, where they take effect (recommended)</source>
        <translation>Vor Regel %1 e&amp;infügen, wo sie wirken (empfohlen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Insert as rule %1 a&amp;nyway (never reached)</source>
        <translation>Trotz&amp;dem als Regel %1 einfügen (nie erreicht)</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>&amp;Keep replies to connections your containers open (recommended)</source>
        <translation>Antworten auf Verbindungen, die Ihre Container öffnen, durch&amp;lassen (empfohlen)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Adds -m conntrack --ctdir ORIGINAL: only connections from outside are dropped, not replies.</source>
        <translation>Fügt -m conntrack --ctdir ORIGINAL hinzu: Nur Verbindungen von außen werden verworfen, keine Antworten.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Replies to connections your containers open pass, from any address.</source>
        <translation>Antworten auf Verbindungen, die Ihre Container öffnen, kommen durch, von jeder Adresse.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replies to connections your containers open are dropped too, unless they come from %1.</source>
        <translation>Antworten auf Verbindungen, die Ihre Container öffnen, werden ebenfalls verworfen, sofern sie nicht von %1 kommen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. eth0</source>
        <translation>z. B. eth0</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Rule %1: %2</source>
        <translation>Regel %1: %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Who can reach the published ports after Finish:</source>
        <translation>Wer die veröffentlichten Ports nach „Fertigstellen“ erreicht:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(none yet)</source>
        <translation>(noch keine)</translation>
    </message>
</context>
<context>
    <name>SourceDestPage</name>
    <message>
        <location filename="../app/sourcedestpage.cpp" line="+12"/>
        <source>Source and destination</source>
        <translation>Quelle und Ziel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Combines a source with a destination, for example when the host listens on two addresses and the rule should apply to only one of them.</source>
        <translation>Verbindet eine Quelle mit einem Ziel, zum Beispiel wenn der Rechner auf zwei Adressen lauscht und die Regel nur für eine davon gelten soll.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>any (optional)</source>
        <translation>beliebig (optional)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DROP (discard)</source>
        <translation>DROP (verwerfen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RETURN (hand on to Docker&apos;s rules)</source>
        <translation>RETURN (an Dockers Regeln weiterreichen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ACCEPT (final: skips Docker&apos;s checks)</source>
        <translation>ACCEPT (endgültig: überspringt Dockers Prüfungen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>REJECT (refuse with an error)</source>
        <translation>REJECT (mit einem Fehler abweisen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Destination:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incoming &amp;interface:</source>
        <translation>Eingangs-&amp;Schnittstelle:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Optional; empty means any interface</source>
        <translation>Optional; leer bedeutet jede Schnittstelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Action:</source>
        <translation>&amp;Aktion:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose a source, a destination, or both.</source>
        <translation>Wählen Sie eine Quelle, ein Ziel oder beides.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>any address</source>
        <translation>jeder Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>anywhere but %1</source>
        <translation>jeder Adresse außer %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is dropped</source>
        <translation>wird verworfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is handed on to Docker&apos;s own rules</source>
        <translation>wird an Dockers eigene Regeln weitergereicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is let through, skipping Docker&apos;s own checks</source>
        <translation>wird durchgelassen, an Dockers eigenen Prüfungen vorbei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is refused with an error</source>
        <translation>wird mit einem Fehler abgewiesen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Traffic from %1 to %2 %3, on any interface.</source>
        <translation>Verkehr von %1 zu %2 %3, auf jeder Schnittstelle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Traffic arriving on %1 from %2 to %3 %4; other interfaces are not affected.</source>
        <translation>Verkehr von %2 zu %3, der auf %1 ankommt, %4; andere Schnittstellen sind nicht betroffen.</translation>
    </message>
</context>
<context>
    <name>SshTunnel</name>
    <message>
        <location filename="../app/sshtunnel.cpp" line="+49"/>
        <source>Userchain could not make the local end of the ssh connection (%1).</source>
        <translation>Userchain konnte das lokale Ende der ssh-Verbindung nicht anlegen (%1).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>ssh could not be started: %1</source>
        <translation>ssh konnte nicht gestartet werden: %1</translation>
    </message>
</context>
<context>
    <name>StateExplainer</name>
    <message>
        <location filename="../app/stateexplainer.cpp" line="+15"/>
        <source>iptables-legacy</source>
        <translation>iptables-legacy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>iptables-nft (nf_tables)</source>
        <translation>iptables-nft (nf_tables)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Docker uses nftables: there is no DOCKER-USER</source>
        <translation>Docker verwendet nftables: Es gibt kein DOCKER-USER</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Docker runs with its nftables firewall backend (Docker 29 and later, table %1 docker-bridges), so it creates no %2 chains and no DOCKER-USER chain.</source>
        <translation>Docker läuft mit seinem nftables-Firewall-Backend (ab Docker 29, Tabelle %1 docker-bridges), daher legt es keine %2-Ketten und keine Kette DOCKER-USER an.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+35"/>
        <location line="+48"/>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <location line="-73"/>
        <location line="+9"/>
        <source>Docker has no IPv6 chains</source>
        <translation>Docker hat keine IPv6-Ketten</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Docker is running (the IPv4 tab shows its chains) but filters only IPv4: it has created no ip6tables chains. Docker before 27 filters IPv6 only with &quot;ip6tables&quot;: true in /etc/docker/daemon.json (on Docker 20.10 an experimental option, so with &quot;experimental&quot;: true as well); Docker 27 and later do by default. Once Docker&apos;s IPv6 chains exist, Userchain can create DOCKER-USER for IPv6, which Docker 20.10 does not create itself.</source>
        <translation>Docker läuft (der Reiter IPv4 zeigt seine Ketten), filtert aber nur IPv4: Es hat keine ip6tables-Ketten angelegt. Docker vor Version 27 filtert IPv6 nur mit „ip6tables“: true in /etc/docker/daemon.json (unter Docker 20.10 eine experimentelle Option, also zusätzlich mit „experimental“: true); ab Docker 27 geschieht das per Voreinstellung. Sobald Dockers IPv6-Ketten existieren, kann Userchain DOCKER-USER für IPv6 anlegen, was Docker 20.10 nicht selbst tut.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Neither ip6tables-legacy nor ip6tables-nft holds Docker&apos;s IPv6 chains. Docker creates them when it filters IPv6 (&quot;ip6tables&quot;: true, the default since Docker 27); with an older Docker, or while Docker is stopped, there is no IPv6 DOCKER-USER to edit.</source>
        <translation>Weder ip6tables-legacy noch ip6tables-nft enthält Dockers IPv6-Ketten. Docker legt sie an, wenn es IPv6 filtert („ip6tables“: true, Voreinstellung seit Docker 27); mit einem älteren Docker oder solange Docker gestoppt ist, gibt es kein IPv6-DOCKER-USER zu bearbeiten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Docker&apos;s rules are not in iptables</source>
        <translation>Dockers Regeln sind nicht in iptables</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neither iptables-legacy nor iptables-nft holds Docker&apos;s chains. Docker 29 can manage nftables directly (firewall-backend &quot;nftables&quot;); it then has no DOCKER-USER chain, and filtering is done in nftables instead.</source>
        <translation>Weder iptables-legacy noch iptables-nft enthält Dockers Ketten. Docker 29 kann nftables direkt verwalten (firewall-backend „nftables“); dann hat es keine Kette DOCKER-USER, und gefiltert wird stattdessen in nftables.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Details: %1</source>
        <translation>Einzelheiten: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This host uses the nf_tables backend</source>
        <translation>Dieser Rechner verwendet das Backend nf_tables</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Docker wrote its chains with %1-nft, so Userchain reads and writes DOCKER-USER there. `%1-legacy` shows none of these rules; use `%1-nft` (or `%1`, if it points to it) to inspect them.</source>
        <translation>Docker hat seine Ketten mit %1-nft geschrieben, daher liest und schreibt Userchain DOCKER-USER dort. `%1-legacy` zeigt keine dieser Regeln; verwenden Sie `%1-nft` (oder `%1`, falls es darauf verweist), um sie anzusehen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Left over from iptables mode, and still active</source>
        <translation>Übrig geblieben aus dem iptables-Modus und noch aktiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left over from iptables mode, and inactive</source>
        <translation>Übrig geblieben aus dem iptables-Modus und inaktiv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Docker now runs with its nftables backend and no longer maintains DOCKER-USER, but FORWARD still jumps to it (rule %1), so the kernel still applies these rules: a DROP here still drops, while an ACCEPT no longer overrides Docker&apos;s drops. The jump goes away when it is removed or at the next reboot.</source>
        <translation>Docker läuft jetzt mit seinem nftables-Backend und pflegt DOCKER-USER nicht mehr, aber FORWARD springt noch dorthin (Regel %1), der Kernel wendet diese Regeln also weiterhin an: Ein DROP hier verwirft weiterhin, während ein ACCEPT Dockers Verwerfen nicht mehr aufhebt. Der Sprung verschwindet, wenn er entfernt wird, oder beim nächsten Neustart.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Docker now runs with its nftables backend and no longer maintains DOCKER-USER. Nothing jumps to this chain any more, so its rules have no effect; editing them changes nothing.</source>
        <translation>Docker läuft jetzt mit seinem nftables-Backend und pflegt DOCKER-USER nicht mehr. Nichts springt mehr in diese Kette, ihre Regeln haben also keine Wirkung; sie zu bearbeiten ändert nichts.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Docker is set not to touch %1</source>
        <translation>Docker ist so eingestellt, dass es %1 nicht anfasst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>/etc/docker/daemon.json has &quot;%1&quot;: false, so Docker creates no %2 chains and sends no traffic through DOCKER-USER: rules here have no effect on containers. Remove the setting and restart Docker to use DOCKER-USER.</source>
        <translation>/etc/docker/daemon.json enthält „%1“: false, daher legt Docker keine %2-Ketten an und schickt keinen Verkehr durch DOCKER-USER: Regeln hier wirken sich nicht auf Container aus. Entfernen Sie die Einstellung und starten Sie Docker neu, um DOCKER-USER zu verwenden.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Docker is not running</source>
        <translation>Docker läuft nicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None of Docker&apos;s chains exist, so Docker is stopped or has not started yet. Rules in DOCKER-USER take effect once Docker runs; Docker keeps them when it starts.</source>
        <translation>Keine der Ketten von Docker existiert, Docker ist also gestoppt oder noch nicht gestartet. Regeln in DOCKER-USER wirken, sobald Docker läuft; Docker behält sie beim Start.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>There is no DOCKER-USER chain for IPv6</source>
        <translation>Es gibt keine Kette DOCKER-USER für IPv6</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Docker filters IPv6 here (its ip6tables chains exist) but, like Docker 20.10, creates DOCKER-USER only for IPv4, so no rule of yours sees IPv6 traffic to containers. Create it now together with the FORWARD jump; Docker will keep both.</source>
        <translation>Docker filtert hier IPv6 (seine ip6tables-Ketten existieren), legt DOCKER-USER aber wie Docker 20.10 nur für IPv4 an, daher sieht keine Ihrer Regeln IPv6-Verkehr zu Containern. Legen Sie die Kette jetzt zusammen mit dem Sprung aus FORWARD an; Docker behält beides.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no DOCKER-USER chain</source>
        <translation>Es gibt keine Kette DOCKER-USER</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Docker creates DOCKER-USER when it starts. You can create it now together with the FORWARD jump; Docker will keep both.</source>
        <translation>Docker legt DOCKER-USER beim Start an. Sie können die Kette jetzt zusammen mit dem Sprung aus FORWARD anlegen; Docker behält beides.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create DOCKER-USER</source>
        <translation>DOCKER-USER anlegen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>FORWARD does not jump to DOCKER-USER</source>
        <translation>FORWARD springt nicht zu DOCKER-USER</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Without `-A FORWARD -j DOCKER-USER` no packet reaches these rules. Docker adds the jump when it starts; Userchain can put it back at position 1 now.</source>
        <translation>Ohne `-A FORWARD -j DOCKER-USER` erreicht kein Paket diese Regeln. Docker fügt den Sprung beim Start hinzu; Userchain kann ihn jetzt wieder an Position 1 setzen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore the jump</source>
        <translation>Sprung wiederherstellen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>DOCKER-USER is not first in FORWARD</source>
        <translation>DOCKER-USER ist nicht das Erste in FORWARD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FORWARD jumps to DOCKER-USER at position %1; the rules before it see packets first.</source>
        <translation>FORWARD springt an Position %1 zu DOCKER-USER; die Regeln davor sehen die Pakete zuerst.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The helper reports</source>
        <translation>Der Hilfsdienst meldet</translation>
    </message>
</context>
<context>
    <name>StatusFields</name>
    <message>
        <location filename="../app/statusfields.cpp" line="+49"/>
        <location line="+7"/>
        <source>Backend: —</source>
        <translation>Backend: —</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>Docker chains: —</source>
        <translation>Docker-Ketten: —</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>Not loaded</source>
        <translation>Nicht geladen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backend: %1 · Docker: nftables</source>
        <translation>Backend: %1 · Docker: nftables</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backend: %1</source>
        <translation>Backend: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Docker chains: %1</source>
        <translation>Docker-Ketten: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revision %1 · refreshed %2</source>
        <translation>Revision %1 · aktualisiert %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This window reads and changes the firewall of %1, over ssh.</source>
        <translation>Dieses Fenster liest und ändert die Firewall von %1 über ssh.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not connected to %1: see the bar above the tabs.</source>
        <translation>Nicht mit %1 verbunden: Siehe die Leiste über den Reitern.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host: %1</source>
        <translation>Rechner: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host: %1, not connected</source>
        <translation>Rechner: %1, nicht verbunden</translation>
    </message>
</context>
<context>
    <name>TracePath</name>
    <message>
        <location filename="../app/tracepath.cpp" line="+31"/>
        <source>no rule decided: the chain&apos;s policy, %1</source>
        <translation>keine Regel hat entschieden: die Richtlinie der Kette, %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>jump to %1</source>
        <translation>Sprung zu %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>go to %1 (without coming back)</source>
        <translation>Wechsel zu %1 (ohne Rückkehr)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DNAT: the destination becomes %1</source>
        <translation>DNAT: Das Ziel wird zu %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RETURN: the chain&apos;s policy decides</source>
        <translation>RETURN: Die Richtlinie der Kette entscheidet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RETURN: back to %1</source>
        <translation>RETURN: zurück zu %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ACCEPT: done with the %1 table, on to the next</source>
        <translation>ACCEPT: Tabelle %1 ist erledigt, weiter zur nächsten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>LOG: logged, on to the next rule</source>
        <translation>LOG: protokolliert, weiter zur nächsten Regel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>counted, on to the next rule</source>
        <translation>gezählt, weiter zur nächsten Regel</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>rule %1 of %2</source>
        <translation>Regel %1 in %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the policy of %1 (no rule matched)</source>
        <translation>die Richtlinie von %1 (keine Regel traf zu)</translation>
    </message>
    <message>
        <location line="+65"/>
        <location line="+66"/>
        <source>No rule matched.</source>
        <translation>Keine Regel traf zu.</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>No rule matched: back to %1.</source>
        <translation>Keine Regel traf zu: zurück zu %1.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>may or may not match: the answer depends on it</source>
        <translation>trifft vielleicht zu, vielleicht nicht: Die Antwort hängt davon ab</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No rule matched: on to the next table.</source>
        <translation>Keine Regel traf zu: weiter zur nächsten Tabelle.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ACCEPT: no rule in these tables stops the packet.</source>
        <translation>ACCEPT: Keine Regel in diesen Tabellen hält das Paket auf.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ACCEPT: the host itself receives the packet; decided by %1.</source>
        <translation>ACCEPT: Der Rechner selbst empfängt das Paket; entschieden durch %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 port %2</source>
        <translation>%1 Port %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ACCEPT: the packet reaches %1; decided by %2.</source>
        <translation>ACCEPT: Das Paket erreicht %1; entschieden durch %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ACCEPT: the packet reaches %1 through %2; decided by %3.</source>
        <translation>ACCEPT: Das Paket erreicht %1 über %2; entschieden durch %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ACCEPT: the packet is forwarded; decided by %1.</source>
        <translation>ACCEPT: Das Paket wird weitergeleitet; entschieden durch %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>DROP: %1 drops the packet; the client gets no answer.</source>
        <translation>DROP: Das Paket wird durch %1 verworfen; der Client erhält keine Antwort.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>REJECT: %1 refuses the packet; the client gets an error at once.</source>
        <translation>REJECT: Das Paket wird durch %1 abgewiesen; der Client erhält sofort einen Fehler.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown: Userchain cannot tell what happens to this packet.</source>
        <translation>Unbekannt: Userchain kann nicht sagen, was mit diesem Paket geschieht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown: the answer %1.</source>
        <translation>Unbekannt: Die Antwort %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>your rules</source>
        <translation>Ihre Regeln</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>built-in chain</source>
        <translation>eingebaute Kette</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Docker&apos;s chain</source>
        <translation>Docker-Kette</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>user chain</source>
        <translation>Benutzerkette</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>rule %1, %2: %3</source>
        <translation>Regel %1, %2: %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 %2 (%3): %4</source>
        <translation>%1 %2 (%3): %4</translation>
    </message>
</context>
<context>
    <name>TracePathView</name>
    <message>
        <location filename="../app/tracepathview.cpp" line="+72"/>
        <location line="+77"/>
        <source>Path of the tested packet</source>
        <translation>Weg des getesteten Pakets</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2, rule %3: %4, %5</source>
        <translation>%1 %2, Regel %3: %4, %5</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+168"/>
        <source>rule %1</source>
        <translation>Regel %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>policy</source>
        <translation>Richtlinie</translation>
    </message>
</context>
<context>
    <name>Userchain::Addresses</name>
    <message>
        <location filename="../core/addresses.cpp" line="+110"/>
        <source>&quot;%1&quot; is not an IPv4 address</source>
        <translation>„%1“ ist keine IPv4-Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot; is not an IPv6 address</source>
        <translation>„%1“ ist keine IPv6-Adresse</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>&quot;%1&quot; is not a valid prefix length (0 to %2)</source>
        <translation>„%1“ ist keine gültige Präfixlänge (0 bis %2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; is not a valid network mask</source>
        <translation>„%1“ ist keine gültige Netzmaske</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>range &quot;%1&quot; ends before it starts</source>
        <translation>Bereich „%1“ endet, bevor er beginnt</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>port &quot;%1&quot; has a leading zero</source>
        <translation>Port „%1“ hat eine führende Null</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>port &quot;%1&quot; is out of range (0 to 65535)</source>
        <translation>Port „%1“ liegt außerhalb des Bereichs (0 bis 65535)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>unknown service name &quot;%1&quot; for %2</source>
        <translation>unbekannter Dienstname „%1“ für %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a port number or service name</source>
        <translation>„%1“ ist weder Portnummer noch Dienstname</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>port range &quot;%1&quot; ends before it starts</source>
        <translation>Portbereich „%1“ endet, bevor er beginnt</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>an interface name is required</source>
        <translation>ein Schnittstellenname ist erforderlich</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>interface name &quot;%1&quot; is longer than 15 characters</source>
        <translation>Schnittstellenname „%1“ ist länger als 15 Zeichen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>interface name &quot;%1&quot; contains &quot;%2&quot;</source>
        <translation>Schnittstellenname „%1“ enthält „%2“</translation>
    </message>
</context>
<context>
    <name>Userchain::BusTarget</name>
    <message>
        <location filename="../core/bustarget.cpp" line="+48"/>
        <source>no host given</source>
        <translation>kein Rechner angegeben</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not a user name</source>
        <translation>„%1“ ist kein Benutzername</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot;: missing ]</source>
        <translation>„%1“: ] fehlt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot;: only :PORT may follow ]</source>
        <translation>„%1“: Auf ] darf nur :PORT folgen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; is not an IPv6 address</source>
        <translation>„%1“ ist keine IPv6-Adresse</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot;: write an IPv6 address in brackets, as [%1]</source>
        <translation>„%1“: Schreiben Sie eine IPv6-Adresse in eckigen Klammern, also [%1]</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; is not a host name or address</source>
        <translation>„%1“ ist weder ein Hostname noch eine Adresse</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not a port (1 to 65535)</source>
        <translation>„%1“ ist kein Port (1 bis 65535)</translation>
    </message>
</context>
<context>
    <name>Userchain::ChainWalker</name>
    <message>
        <location filename="../core/chainwalker.cpp" line="+57"/>
        <location filename="../core/exposure.cpp" line="+237"/>
        <source>depends on rule %1 of %2 (uses %3)</source>
        <translation>hängt von Regel %1 in %2 ab (verwendet %3)</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>chains nested too deeply</source>
        <translation>zu tief verschachtelte Ketten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the missing chain %1</source>
        <translation>die fehlende Kette %1</translation>
    </message>
</context>
<context>
    <name>Userchain::Exposure</name>
    <message>
        <location filename="../core/exposure.cpp" line="+45"/>
        <source>depends on net.ipv4.conf.*.route_localnet: packets to %1 that arrive on other interfaces are dropped as martians unless it is 1</source>
        <translation>hängt von net.ipv4.conf.*.route_localnet ab: Pakete an %1, die auf anderen Schnittstellen ankommen, werden als Martians verworfen, außer es ist 1</translation>
    </message>
</context>
<context>
    <name>Userchain::Extensions</name>
    <message>
        <location filename="../core/xt/xtsupport.cpp" line="+48"/>
        <source>an empty list of %1</source>
        <translation>leere Liste für %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown %1 &quot;%2&quot; (one of %3)</source>
        <translation>%1 „%2“ ist unbekannt (möglich: %3)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&quot;%1&quot; is not %2 (%3 to %4)</source>
        <translation>„%1“ ist als %2 ungültig (%3 bis %4)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&quot;%1&quot; is not a prefix length (0 to %2) or a network mask</source>
        <translation>„%1“ ist weder eine Präfixlänge (0 bis %2) noch eine Netzmaske</translation>
    </message>
    <message>
        <location filename="../core/xt/ports.cpp" line="+40"/>
        <source>&quot;! %1 0:65535&quot; would match no packet</source>
        <translation>„! %1 0:65535“ träfe auf kein Paket zu</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>unknown TCP flag &quot;%1&quot; (one of %2, ALL, NONE)</source>
        <translation>TCP-Flag „%1“ ist unbekannt (möglich: %2, ALL, NONE)</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>&quot;%1&quot; is not a TCP option number (0 to 255)</source>
        <translation>„%1“ ist keine TCP-Optionsnummer (0 bis 255)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&quot;-m tcp&quot; needs &quot;-p tcp&quot;</source>
        <translation>„-m tcp“ erfordert „-p tcp“</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>&quot;-m udp&quot; needs &quot;-p udp&quot;</source>
        <translation>„-m udp“ erfordert „-p udp“</translation>
    </message>
    <message>
        <location filename="../core/xt/icmp.cpp" line="+127"/>
        <source>unknown ICMP type &quot;%1&quot;</source>
        <translation>ICMP-Typ „%1“ ist unbekannt</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>&quot;-m icmp&quot; needs &quot;-p icmp&quot;</source>
        <translation>„-m icmp“ erfordert „-p icmp“</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&quot;-m icmp6&quot; needs &quot;-p ipv6-icmp&quot;</source>
        <translation>„-m icmp6“ erfordert „-p ipv6-icmp“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;-m icmp6&quot; needs &quot;--icmpv6-type&quot;</source>
        <translation>„-m icmp6“ erfordert „--icmpv6-type“</translation>
    </message>
    <message>
        <location filename="../core/xt/ports.cpp" line="+52"/>
        <source>port range &quot;%1&quot; must go from a lower to a higher port</source>
        <translation>Portbereich „%1“ muss von einem niedrigeren zu einem höheren Port gehen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>too many ports in &quot;%1&quot; (at most 15; a range counts as two)</source>
        <translation>zu viele Ports in „%1“ (höchstens 15; ein Bereich zählt doppelt)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&quot;-m multiport&quot; needs &quot;-p tcp&quot;, &quot;-p udp&quot;, &quot;-p udplite&quot;, &quot;-p sctp&quot; or &quot;-p dccp&quot;</source>
        <translation>„-m multiport“ erfordert „-p tcp“, „-p udp“, „-p udplite“, „-p sctp“ oder „-p dccp“</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;-m multiport&quot; needs &quot;--dports&quot;, &quot;--sports&quot; or &quot;--ports&quot;</source>
        <translation>„-m multiport“ erfordert „--dports“, „--sports“ oder „--ports“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;-m multiport&quot; takes only one of &quot;--dports&quot;, &quot;--sports&quot; and &quot;--ports&quot;</source>
        <translation>„-m multiport“ akzeptiert nur eines von „--dports“, „--sports“ und „--ports“</translation>
    </message>
    <message>
        <location filename="../core/xt/addressmatches.cpp" line="+315"/>
        <source>&quot;-m iprange&quot; needs &quot;--src-range&quot; or &quot;--dst-range&quot;</source>
        <translation>„-m iprange“ erfordert „--src-range“ oder „--dst-range“</translation>
    </message>
    <message>
        <location filename="../core/xt/conntrack.cpp" line="+299"/>
        <source>conntrack state</source>
        <translation>Conntrack-Zustand</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>unknown protocol &quot;%1&quot;</source>
        <translation>Protokoll „%1“ ist unbekannt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not a protocol for --ctproto</source>
        <translation>„%1“ ist kein Protokoll für --ctproto</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>unknown conntrack status &quot;%1&quot; (one of NONE,%2)</source>
        <translation>Conntrack-Status „%1“ ist unbekannt (möglich: NONE,%2)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&quot;%1&quot; is not an expiry time in seconds (N or N:M)</source>
        <translation>„%1“ ist keine Ablaufzeit in Sekunden (N oder N:M)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>unknown direction &quot;%1&quot; (ORIGINAL or REPLY)</source>
        <translation>Richtung „%1“ ist unbekannt (ORIGINAL oder REPLY)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;-m conntrack&quot; needs at least one option, e.g. &quot;--ctstate&quot;</source>
        <translation>„-m conntrack“ erfordert mindestens eine Option, z. B. „--ctstate“</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>state</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;-m state&quot; needs &quot;--state&quot;</source>
        <translation>„-m state“ erfordert „--state“</translation>
    </message>
    <message>
        <location filename="../core/xt/commentlimit.cpp" line="+135"/>
        <source>comment is longer than 255 bytes</source>
        <translation>Kommentar ist länger als 255 Bytes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>comment contains a line break or NUL character</source>
        <translation>Kommentar enthält einen Zeilenumbruch oder ein NUL-Zeichen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>comment contains a control character (such as ESC or CR)</source>
        <translation>Kommentar enthält ein Steuerzeichen (etwa ESC oder CR)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;-m comment&quot; needs &quot;--comment&quot;</source>
        <translation>„-m comment“ erfordert „--comment“</translation>
    </message>
    <message>
        <location filename="../core/xt/addressmatches.cpp" line="+24"/>
        <source>&quot;%1&quot; is not a MAC address (XX:XX:XX:XX:XX:XX)</source>
        <translation>„%1“ ist keine MAC-Adresse (XX:XX:XX:XX:XX:XX)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;-m mac&quot; needs &quot;--mac-source&quot;</source>
        <translation>„-m mac“ erfordert „--mac-source“</translation>
    </message>
    <message>
        <location filename="../core/xt/commentlimit.cpp" line="-42"/>
        <source>&quot;%1&quot; is not a rate (e.g. 5/second, 10/minute, 3/hour, 1/day)</source>
        <translation>„%1“ ist keine Rate (z. B. 5/second, 10/minute, 3/hour, 1/day)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>rate &quot;%1&quot; is too fast (at most 10000/second)</source>
        <translation>Rate „%1“ ist zu hoch (höchstens 10000/second)</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>burst &quot;%1&quot; is not a number from 1 to 10000</source>
        <translation>Burst „%1“ ist keine Zahl von 1 bis 10000</translation>
    </message>
    <message>
        <location filename="../core/xt/addressmatches.cpp" line="+23"/>
        <location line="+5"/>
        <source>address type</source>
        <translation>Adresstyp</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;-m addrtype&quot; needs &quot;--src-type&quot; or &quot;--dst-type&quot;</source>
        <translation>„-m addrtype“ erfordert „--src-type“ oder „--dst-type“</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;--limit-iface-in&quot; and &quot;--limit-iface-out&quot; exclude each other</source>
        <translation>„--limit-iface-in“ und „--limit-iface-out“ schließen einander aus</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&quot;%1&quot; is not an ipset name</source>
        <translation>„%1“ ist kein IP-Set-Name</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>too many set directions in &quot;%1&quot;</source>
        <translation>zu viele Set-Richtungen in „%1“</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is not a set direction (src or dst)</source>
        <translation>„%1“ ist keine Set-Richtung (src oder dst)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;-m set&quot; needs &quot;--match-set NAME src|dst&quot;</source>
        <translation>„-m set“ erfordert „--match-set NAME src|dst“</translation>
    </message>
    <message>
        <location filename="../core/xt/rejectlog.cpp" line="+37"/>
        <source>unknown reject type &quot;%1&quot; (one of %2)</source>
        <translation>Reject-Typ „%1“ ist unbekannt (möglich: %2)</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>&quot;--reject-with tcp-reset&quot; needs &quot;-p tcp&quot;</source>
        <translation>„--reject-with tcp-reset“ erfordert „-p tcp“</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>log prefix is empty</source>
        <translation>Log-Präfix ist leer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>log prefix is longer than 29 bytes</source>
        <translation>Log-Präfix ist länger als 29 Bytes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>log prefix contains a line break or NUL character</source>
        <translation>Log-Präfix enthält einen Zeilenumbruch oder ein NUL-Zeichen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>log prefix contains a control character (such as ESC or CR)</source>
        <translation>Log-Präfix enthält ein Steuerzeichen (etwa ESC oder CR)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>unknown log level &quot;%1&quot; (0 to 7 or %2)</source>
        <translation>Log-Level „%1“ ist unbekannt (0 bis 7 oder %2)</translation>
    </message>
    <message>
        <location filename="../core/xt/nat.cpp" line="+223"/>
        <source>&quot;%1&quot; is not an address/port specification</source>
        <translation>„%1“ ist keine Angabe von Adresse/Port</translation>
    </message>
    <message>
        <location filename="../core/xt/connlimit.cpp" line="+100"/>
        <source>a number of connections</source>
        <translation>Anzahl von Verbindungen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;--connlimit-upto&quot; and &quot;--connlimit-above&quot; exclude each other</source>
        <translation>„--connlimit-upto“ und „--connlimit-above“ schließen einander aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;-m connlimit&quot; needs &quot;--connlimit-upto&quot; or &quot;--connlimit-above&quot;</source>
        <translation>„-m connlimit“ erfordert „--connlimit-upto“ oder „--connlimit-above“</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;--connlimit-saddr&quot; and &quot;--connlimit-daddr&quot; exclude each other</source>
        <translation>„--connlimit-saddr“ und „--connlimit-daddr“ schließen einander aus</translation>
    </message>
    <message>
        <location filename="../core/xt/hashlimit.cpp" line="+247"/>
        <source>&quot;--hashlimit-upto&quot; and &quot;--hashlimit-above&quot; exclude each other</source>
        <translation>„--hashlimit-upto“ und „--hashlimit-above“ schließen einander aus</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;%1&quot; is not a rate (e.g. 30/sec, 100/minute, 512kb/s)</source>
        <translation>„%1“ ist keine Rate (z. B. 30/sec, 100/minute, 512kb/s)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>unknown hashlimit mode &quot;%1&quot; (srcip, srcport, dstip, dstport)</source>
        <translation>hashlimit-Modus „%1“ ist unbekannt (srcip, srcport, dstip, dstport)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&quot;%1&quot; is not an interval in seconds</source>
        <translation>„%1“ ist kein Intervall in Sekunden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;-m hashlimit&quot; needs &quot;--hashlimit-upto&quot; or &quot;--hashlimit-above&quot;</source>
        <translation>„-m hashlimit“ erfordert „--hashlimit-upto“ oder „--hashlimit-above“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;-m hashlimit&quot; needs &quot;--hashlimit-name&quot;</source>
        <translation>„-m hashlimit“ erfordert „--hashlimit-name“</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+21"/>
        <source>&quot;%1&quot; is not a burst (1 to %2)</source>
        <translation>„%1“ ist kein gültiger Burst (1 bis %2)</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>the burst cannot be smaller than %1b</source>
        <translation>der Burst darf nicht kleiner als %1b sein</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>hashlimit&apos;s garbage collection interval and expiry must not be 0</source>
        <translation>Bereinigungsintervall (garbage collection) und Ablaufzeit von hashlimit dürfen nicht 0 sein</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>hashlimit&apos;s table size and maximum are at most %1</source>
        <translation>Tabellengröße und Maximum von hashlimit dürfen höchstens %1 betragen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the rate is too slow for a burst of %1 (the kernel&apos;s credits would overflow): give a faster rate or a smaller burst</source>
        <translation>die Rate ist zu niedrig für einen Burst von %1 (die Credits des Kernels würden überlaufen): Geben Sie eine höhere Rate oder einen kleineren Burst an</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the rate is out of range for &quot;--hashlimit-rate-match&quot;</source>
        <translation>die Rate liegt außerhalb des zulässigen Bereichs für „--hashlimit-rate-match“</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&quot;%1&quot; is not a hashlimit name (1 to 254 letters, digits and _.:+@%=-)</source>
        <translation>„%1“ ist kein hashlimit-Name (1 bis 254 Buchstaben, Ziffern und _.:+@%=-)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>a number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <location filename="../core/xt/marks.cpp" line="+55"/>
        <source>&quot;%1&quot; is not a mark (a number up to 0xffffffff, optionally /mask)</source>
        <translation>„%1“ ist keine Markierung (eine Zahl bis 0xffffffff, optional mit /Maske)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&quot;%1&quot; is not a mark (a number up to 0xffffffff)</source>
        <translation>„%1“ ist keine Markierung (eine Zahl bis 0xffffffff)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&quot;-m %1&quot; needs &quot;--mark&quot;</source>
        <translation>„-m %1“ erfordert „--mark“</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>&quot;-j MARK&quot; needs one of &quot;--set-xmark&quot;, &quot;--set-mark&quot;, &quot;--and-mark&quot;, &quot;--or-mark&quot; and &quot;--xor-mark&quot;</source>
        <translation>„-j MARK“ erfordert eines von „--set-xmark“, „--set-mark“, „--and-mark“, „--or-mark“ und „--xor-mark“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;-j MARK&quot; takes only one of &quot;--set-xmark&quot;, &quot;--set-mark&quot;, &quot;--and-mark&quot;, &quot;--or-mark&quot; and &quot;--xor-mark&quot;</source>
        <translation>„-j MARK“ akzeptiert nur eines von „--set-xmark“, „--set-mark“, „--and-mark“, „--or-mark“ und „--xor-mark“</translation>
    </message>
    <message>
        <location line="+146"/>
        <location line="+1"/>
        <source>a shift (bits)</source>
        <translation>Verschiebung (Bits)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;-j CONNMARK&quot; needs one of &quot;--set-xmark&quot;, &quot;--set-mark&quot;, &quot;--and-mark&quot;, &quot;--or-mark&quot;, &quot;--xor-mark&quot;, &quot;--save-mark&quot; and &quot;--restore-mark&quot;</source>
        <translation>„-j CONNMARK“ erfordert eines von „--set-xmark“, „--set-mark“, „--and-mark“, „--or-mark“, „--xor-mark“, „--save-mark“ und „--restore-mark“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;-j CONNMARK&quot; takes only one of &quot;--set-xmark&quot;, &quot;--set-mark&quot;, &quot;--and-mark&quot;, &quot;--or-mark&quot;, &quot;--xor-mark&quot;, &quot;--save-mark&quot; and &quot;--restore-mark&quot;</source>
        <translation>„-j CONNMARK“ akzeptiert nur eines von „--set-xmark“, „--set-mark“, „--and-mark“, „--or-mark“, „--xor-mark“, „--save-mark“ und „--restore-mark“</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;--mask&quot; stands for &quot;--nfmask&quot; and &quot;--ctmask&quot; together; give either</source>
        <translation>„--mask“ steht für „--nfmask“ und „--ctmask“ zusammen; geben Sie nur das eine oder das andere an</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;--left-shift-mark&quot; and &quot;--right-shift-mark&quot; exclude each other</source>
        <translation>„--left-shift-mark“ und „--right-shift-mark“ schließen einander aus</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;--mask&quot;, &quot;--nfmask&quot; and &quot;--ctmask&quot; go with &quot;--save-mark&quot; or &quot;--restore-mark&quot;</source>
        <translation>„--mask“, „--nfmask“ und „--ctmask“ gehören zu „--save-mark“ oder „--restore-mark“</translation>
    </message>
    <message>
        <location filename="../core/xt/nflog.cpp" line="+90"/>
        <source>an NFLOG prefix has 1 to 63 bytes</source>
        <translation>ein NFLOG-Präfix muss 1 bis 63 Bytes lang sein</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>an NFLOG prefix contains a control character (such as a line break, ESC or CR)</source>
        <translation>das NFLOG-Präfix enthält ein Steuerzeichen (etwa einen Zeilenumbruch, ESC oder CR)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>a size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a threshold</source>
        <translation>Schwellenwert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;--nflog-size&quot; and &quot;--nflog-range&quot; exclude each other</source>
        <translation>„--nflog-size“ und „--nflog-range“ schließen einander aus</translation>
    </message>
    <message>
        <location filename="../core/xt/physdev.cpp" line="+131"/>
        <source>&quot;-m physdev&quot; needs one of &quot;--physdev-in&quot;, &quot;--physdev-out&quot;, &quot;--physdev-is-in&quot;, &quot;--physdev-is-out&quot; and &quot;--physdev-is-bridged&quot;</source>
        <translation>„-m physdev“ erfordert eines von „--physdev-in“, „--physdev-out“, „--physdev-is-in“, „--physdev-is-out“ und „--physdev-is-bridged“</translation>
    </message>
    <message>
        <location filename="../core/xt/stringmatch.cpp" line="+39"/>
        <source>the pattern is longer than %1 bytes</source>
        <translation>das Muster ist länger als %1 Bytes</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>a backslash ends the pattern</source>
        <translation>das Muster endet mit einem Backslash</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a hex block needs pairs of hex digits and a closing &quot;|&quot;</source>
        <translation>ein Hex-Block erfordert Paare von Hexziffern und ein schließendes „|“</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a hex block needs a closing &quot;|&quot;</source>
        <translation>ein Hex-Block erfordert ein schließendes „|“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the pattern is empty</source>
        <translation>das Muster ist leer</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the pattern has 1 to %1 bytes</source>
        <translation>das Muster muss 1 bis %1 Bytes lang sein</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>unknown string algorithm &quot;%1&quot; (bm or kmp)</source>
        <translation>String-Algorithmus „%1“ ist unbekannt (bm oder kmp)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>an offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;-m string&quot; needs &quot;--algo&quot; and &quot;--string&quot; or &quot;--hex-string&quot;</source>
        <translation>„-m string“ erfordert „--algo“ und „--string“ oder „--hex-string“</translation>
    </message>
    <message>
        <location filename="../core/xt/tcpmss.cpp" line="+52"/>
        <source>&quot;%1&quot; is not an MSS (0 to %2)</source>
        <translation>„%1“ ist keine MSS (0 bis %2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;-j TCPMSS&quot; needs &quot;--set-mss&quot; or &quot;--clamp-mss-to-pmtu&quot;</source>
        <translation>„-j TCPMSS“ erfordert „--set-mss“ oder „--clamp-mss-to-pmtu“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;--set-mss&quot; and &quot;--clamp-mss-to-pmtu&quot; exclude each other</source>
        <translation>„--set-mss“ und „--clamp-mss-to-pmtu“ schließen einander aus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;-j TCPMSS&quot; needs &quot;-p tcp&quot; and a SYN match such as &quot;--tcp-flags SYN,RST SYN&quot; (the kernel refuses it otherwise)</source>
        <translation>„-j TCPMSS“ erfordert „-p tcp“ und eine Prüfung auf SYN wie „--tcp-flags SYN,RST SYN“ (sonst lehnt der Kernel die Regel ab)</translation>
    </message>
    <message>
        <location filename="../core/xt/timematch.cpp" line="+138"/>
        <source>invalid date &quot;%1&quot; (YYYY[-MM[-DD[Thh[:mm[:ss]]]]], 1970 to 2038)</source>
        <translation>ungültiges Datum „%1“ (YYYY[-MM[-DD[Thh[:mm[:ss]]]]], 1970 bis 2038)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>invalid time &quot;%1&quot; (hh:mm[:ss])</source>
        <translation>ungültige Uhrzeit „%1“ (hh:mm[:ss])</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>invalid weekdays &quot;%1&quot; (Mon,Tue,Wed,Thu,Fri,Sat,Sun or 1 to 7)</source>
        <translation>ungültige Wochentage „%1“ (Mon,Tue,Wed,Thu,Fri,Sat,Sun oder 1 bis 7)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>invalid days of the month &quot;%1&quot; (1 to 31)</source>
        <translation>ungültige Monatstage „%1“ (1 bis 31)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&quot;--utc&quot; and &quot;--kerneltz&quot; exclude each other</source>
        <translation>„--utc“ und „--kerneltz“ schließen einander aus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;--contiguous&quot; needs a stop time before the start time</source>
        <translation>„--contiguous“ erfordert eine Endzeit vor der Startzeit</translation>
    </message>
</context>
<context>
    <name>Userchain::PacketTracer</name>
    <message>
        <location filename="../core/packettracer.cpp" line="+146"/>
        <source>the raw table is not part of these rules: its rules (Docker 28 and later drop direct access to containers there) were not considered</source>
        <translation>die raw-Tabelle gehört nicht zu diesen Regeln: Ihre Regeln (Docker ab 28 verwirft dort direkten Zugriff auf Container) wurden nicht berücksichtigt</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>a DNAT target this tool cannot read</source>
        <translation>ein DNAT-Ziel, das dieses Werkzeug nicht lesen kann</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>conntrack applies the connection&apos;s DNAT (rule %1 of nat %2) without passing nat again</source>
        <translation>conntrack wendet das DNAT der Verbindung an (Regel %1 in nat %2), ohne nat erneut zu durchlaufen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>depends on net.ipv4.conf.%1.route_localnet: packets to %2 that arrive on %1 are dropped as martians unless it is 1</source>
        <translation>hängt von net.ipv4.conf.%1.route_localnet ab: Pakete an %2, die auf %1 ankommen, werden als Martians verworfen, außer es ist 1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the out interface of the reply is not given; rules that test -o depend on it</source>
        <translation>die Ausgangsschnittstelle der Antwort ist nicht angegeben; Regeln, die -o prüfen, hängen davon ab</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>assuming %1 is an address of this host</source>
        <translation>angenommen, %1 ist eine Adresse dieses Rechners</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the rules do not say which interface %1 is routed to; rules that test -o depend on it</source>
        <translation>die Regeln sagen nicht, zu welcher Schnittstelle %1 geleitet wird; Regeln, die -o prüfen, hängen davon ab</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>the reply belongs to a connection to published port %1 (rule %2 of nat DOCKER)</source>
        <translation>die Antwort gehört zu einer Verbindung zum veröffentlichten Port %1 (Regel %2 in nat DOCKER)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the packet is for the host itself (no DNAT): filter INPUT decides and DOCKER-USER does not see it. Docker&apos;s userland proxy serves published ports that are not DNATed this way, e.g. IPv6 when Docker&apos;s ip6tables is off</source>
        <translation>das Paket ist für den Rechner selbst (kein DNAT): filter INPUT entscheidet, und DOCKER-USER sieht es nicht. Dockers Userland-Proxy bedient auf diesem Weg veröffentlichte Ports ohne DNAT, z. B. IPv6, wenn Dockers ip6tables aus ist</translation>
    </message>
</context>
<context>
    <name>Userchain::RestoreFile</name>
    <message>
        <location filename="../core/restorescan.cpp" line="+276"/>
        <source>the file starts with a byte order mark (BOM); iptables-restore cannot read it: save it as plain UTF-8</source>
        <translation>die Datei beginnt mit einer Byte-Reihenfolge-Markierung (BOM); iptables-restore kann sie nicht lesen: Speichern Sie sie als reines UTF-8</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the last line has no line break; iptables-restore would not read it</source>
        <translation>die letzte Zeile hat keinen Zeilenumbruch; iptables-restore würde sie nicht lesen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the file has Windows line ends (CR LF); iptables-restore cannot read it: convert it, e.g. with dos2unix</source>
        <translation>die Datei hat Windows-Zeilenenden (CR LF); iptables-restore kann sie nicht lesen: Wandeln Sie sie um, z. B. mit dos2unix</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;COMMIT&quot; without a table (&quot;*filter&quot;)</source>
        <translation>„COMMIT“ ohne Tabelle („*filter“)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>table &quot;%1&quot; started on line %2 is not committed</source>
        <translation>die in Zeile %2 begonnene Tabelle „%1“ wird nicht mit COMMIT abgeschlossen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a table name is missing after &quot;*&quot;</source>
        <translation>nach „*“ fehlt ein Tabellenname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown table &quot;%1&quot;</source>
        <translation>Tabelle „%1“ ist unbekannt</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>rule outside a table: start one with &quot;*filter&quot;</source>
        <translation>Regel außerhalb einer Tabelle: Beginnen Sie eine mit „*filter“</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>chain line needs a name and a policy, e.g. &quot;:DOCKER-USER - [0:0]&quot;</source>
        <translation>eine Kettenzeile braucht einen Namen und eine Richtlinie, z. B. „:DOCKER-USER - [0:0]“</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>chain name &quot;%1&quot; is longer than 28 characters</source>
        <translation>Kettenname „%1“ ist länger als 28 Zeichen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>invalid policy &quot;%1&quot; for built-in chain &quot;%2&quot; (ACCEPT or DROP)</source>
        <translation>ungültige Richtlinie „%1“ für die eingebaute Kette „%2“ (ACCEPT oder DROP)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>user chain &quot;%1&quot; cannot have a policy; write &quot;-&quot;</source>
        <translation>die Benutzerkette „%1“ kann keine Richtlinie haben; schreiben Sie „-“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>chain &quot;%1&quot; is declared twice</source>
        <translation>Kette „%1“ ist zweimal deklariert</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>an argument is longer than 1023 bytes, iptables-restore&apos;s limit</source>
        <translation>ein Argument ist länger als 1023 Bytes, die Grenze von iptables-restore</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;-t&quot; is not allowed inside a restore file</source>
        <translation>„-t“ ist in einer Restore-Datei nicht erlaubt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown command &quot;%1&quot;</source>
        <translation>Befehl „%1“ ist unbekannt</translation>
    </message>
    <message>
        <location filename="../core/restorefile.cpp" line="+94"/>
        <location filename="../core/restorescan.cpp" line="+1"/>
        <source>expected a command such as &quot;-A DOCKER-USER&quot;, found &quot;%1&quot;</source>
        <translation>Befehl wie „-A DOCKER-USER“ erwartet, „%1“ gefunden</translation>
    </message>
    <message>
        <location line="+277"/>
        <location filename="../core/restorescan.cpp" line="+5"/>
        <source>&quot;%1&quot; needs a chain name</source>
        <translation>„%1“ erfordert einen Kettennamen</translation>
    </message>
    <message>
        <location filename="../core/restorescan.cpp" line="+6"/>
        <source>chain &quot;%1&quot; already exists</source>
        <translation>Kette „%1“ existiert bereits</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the built-in chain &quot;%1&quot; cannot be deleted</source>
        <translation>die eingebaute Kette „%1“ kann nicht gelöscht werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>only built-in chains have a policy, not &quot;%1&quot;</source>
        <translation>nur eingebaute Ketten haben eine Richtlinie, nicht „%1“</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; depends on rules already loaded; write the chain in full with -F and -A instead</source>
        <translation>„%1“ hängt von bereits geladenen Regeln ab; schreiben Sie die Kette stattdessen vollständig mit -F und -A</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>chain &quot;%1&quot; is not declared; add &quot;:%1 - [0:0]&quot; after &quot;*%2&quot;</source>
        <translation>Kette „%1“ ist nicht deklariert; fügen Sie „:%1 - [0:0]“ nach „*%2“ hinzu</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>table &quot;%1&quot; started on line %2 has no &quot;COMMIT&quot;</source>
        <translation>die in Zeile %2 begonnene Tabelle „%1“ hat kein „COMMIT“</translation>
    </message>
    <message>
        <location filename="../core/restorefile.cpp" line="-280"/>
        <source>a command such as &quot;-A DOCKER-USER&quot; is missing</source>
        <translation>ein Befehl wie „-A DOCKER-USER“ fehlt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; is the command for IPv6 rules; these rules are read as IPv4</source>
        <translation>„%1“ ist der Befehl für IPv6-Regeln; diese Regeln werden als IPv4 gelesen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is the command for IPv4 rules; these rules are read as IPv6</source>
        <translation>„%1“ ist der Befehl für IPv4-Regeln; diese Regeln werden als IPv6 gelesen</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>more than %1 errors; the rest of the file was not read</source>
        <translation>mehr als %1 Fehler; der Rest der Datei wurde nicht gelesen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>rule of table &quot;%1&quot; not imported</source>
        <translation>Regel der Tabelle „%1“ nicht importiert</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>more than %1 DOCKER-USER rules; the rest of the file was not read</source>
        <translation>mehr als %1 DOCKER-USER-Regeln; der Rest der Datei wurde nicht gelesen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot insert at position &quot;%1&quot;: the highest position here is %2</source>
        <translation>Einfügen an Position „%1“ nicht möglich: Die höchste Position ist hier %2</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>this line makes %1 rules, one for each address of its list</source>
        <translation>diese Zeile ergibt %1 Regeln, eine für jede Adresse ihrer Liste</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>this is a rule of chain &quot;%1&quot;; only DOCKER-USER rules are read here</source>
        <translation>dies ist eine Regel der Kette „%1“; hier werden nur DOCKER-USER-Regeln gelesen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not a position in the chain (1 is the top)</source>
        <translation>„%1“ ist keine Position in der Kette (1 ist die oberste)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the rule is too long to be written as one iptables-restore line (at most %1 bytes)</source>
        <translation>die Regel ist zu lang für eine einzelne iptables-restore-Zeile (höchstens %1 Bytes)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the rule has too many words to be written as one iptables-restore line (at most %1)</source>
        <translation>die Regel hat zu viele Wörter für eine einzelne iptables-restore-Zeile (höchstens %1)</translation>
    </message>
    <message>
        <location line="-314"/>
        <source>command &quot;%1&quot; is not supported here; use -A or -I</source>
        <translation>Befehl „%1“ wird hier nicht unterstützt; verwenden Sie -A oder -I</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>rule of chain &quot;%1&quot; not imported (only DOCKER-USER is)</source>
        <translation>Regel der Kette „%1“ nicht importiert (nur DOCKER-USER wird importiert)</translation>
    </message>
</context>
<context>
    <name>Userchain::RestoreTokenizer</name>
    <message>
        <location filename="../core/restoretokenizer.cpp" line="+80"/>
        <source>unterminated quoted argument</source>
        <translation>Anführungszeichen nicht geschlossen</translation>
    </message>
</context>
<context>
    <name>Userchain::RuleLints</name>
    <message>
        <location filename="../core/rulelints.cpp" line="+113"/>
        <source>redundant: rule %1 (%2) already takes all its packets with the same verdict</source>
        <translation>redundant: Regel %1 (%2) erfasst bereits alle Pakete dieser Regel mit derselben Entscheidung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Redundant: rule %1 (%2) comes first and matches every packet this rule matches, with the same verdict. Removing this rule changes nothing.</source>
        <translation>Redundant: Regel %1 (%2) kommt zuerst und trifft auf jedes Paket zu, auf das diese Regel zutrifft, mit derselben Entscheidung. Diese Regel zu entfernen ändert nichts.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>delete rule %1</source>
        <translation>Regel %1 löschen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>never matches: rule %1 (%2) takes all its packets</source>
        <translation>trifft nie zu: Regel %1 (%2) erfasst alle Pakete dieser Regel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never matches: rule %1 (%2) comes first and takes every packet this rule would match, so this rule never decides anything. Move it above rule %1 if it should, or delete it.</source>
        <translation>Trifft nie zu: Regel %1 (%2) kommt zuerst und erfasst jedes Paket, auf das diese Regel zuträfe; diese Regel entscheidet daher nie etwas. Verschieben Sie sie vor Regel %1, wenn sie etwas entscheiden soll, oder löschen Sie sie.</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+217"/>
        <source>ACCEPT skips Docker&apos;s checks</source>
        <translation>ACCEPT überspringt Dockers Prüfungen</translation>
    </message>
    <message>
        <location line="-216"/>
        <source>ACCEPT is final in DOCKER-USER: the packets this rule matches skip Docker&apos;s own rules (its published ports, the isolation between Docker networks). RETURN hands them on to Docker&apos;s rules instead.</source>
        <translation>ACCEPT ist in DOCKER-USER endgültig: Die Pakete, auf die diese Regel zutrifft, überspringen Dockers eigene Regeln (seine veröffentlichten Ports, die Trennung zwischen Docker-Netzwerken). RETURN reicht sie stattdessen an Dockers Regeln weiter.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>use RETURN instead of ACCEPT</source>
        <translation>RETURN statt ACCEPT verwenden</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1 %2 never sees published port %2 (Docker&apos;s DNAT made it %3)</source>
        <translation>%1 %2 sieht den veröffentlichten Port %2 nie (Dockers DNAT hat daraus %3 gemacht)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--dport %1 never matches connections to the published port %1: when they reach DOCKER-USER, Docker&apos;s DNAT has already changed their destination to %2. Conntrack&apos;s --ctorigdstport %1 --ctdir ORIGINAL matches the port clients connect to.</source>
        <translation>--dport %1 trifft nie auf Verbindungen zum veröffentlichten Port %1 zu: Wenn sie DOCKER-USER erreichen, hat Dockers DNAT ihr Ziel bereits in %2 geändert. Mit conntrack erfasst --ctorigdstport %1 --ctdir ORIGINAL den Port, mit dem sich Clients verbinden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--sport %1 never matches the container&apos;s replies for the published port %1: they come from %2, the address and port Docker&apos;s DNAT chose. Conntrack&apos;s --ctorigdstport %1 --ctdir REPLY matches them.</source>
        <translation>--sport %1 trifft nie auf die Antworten des Containers für den veröffentlichten Port %1 zu: Sie kommen von %2, der Adresse und dem Port, die Dockers DNAT gewählt hat. Mit conntrack erfasst --ctorigdstport %1 --ctdir REPLY diese Antworten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+41"/>
        <source>use --ctorigdstport %1 --ctdir %2</source>
        <translation>--ctorigdstport %1 --ctdir %2 verwenden</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>%1 %2 is the container&apos;s port after Docker&apos;s DNAT (published as %3)</source>
        <translation>%1 %2 ist der Port des Containers nach Dockers DNAT (veröffentlicht als %3)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--dport %1 tests the container&apos;s port, after Docker&apos;s DNAT (%2): it follows the container, not the port clients connect to. Conntrack&apos;s --ctorigdstport with --ctdir ORIGINAL matches the published port.</source>
        <translation>--dport %1 prüft den Port des Containers nach Dockers DNAT (%2): Die Prüfung folgt dem Container, nicht dem Port, mit dem sich Clients verbinden. Mit conntrack erfasst --ctorigdstport zusammen mit --ctdir ORIGINAL den veröffentlichten Port.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--sport %1 tests the container&apos;s port, after Docker&apos;s DNAT (%2): it follows the container, not the published port. Conntrack&apos;s --ctorigdstport with --ctdir REPLY matches replies for the published port.</source>
        <translation>--sport %1 prüft den Port des Containers nach Dockers DNAT (%2): Die Prüfung folgt dem Container, nicht dem veröffentlichten Port. Mit conntrack erfasst --ctorigdstport zusammen mit --ctdir REPLY die Antworten für den veröffentlichten Port.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>from outside</source>
        <translation>von außen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on %1</source>
        <translation>auf %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>also drops replies to the containers&apos; own outgoing connections</source>
        <translation>verwirft auch Antworten auf ausgehende Verbindungen der Container selbst</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a container on %1 (say %2)</source>
        <translation>ein Container auf %1 (etwa %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also drops replies to the containers&apos; own outgoing connections: when %1 connects to %2, the answer arriving %3 is dropped here. No rule above lets RELATED,ESTABLISHED traffic through, and the rule has no --ctdir ORIGINAL, which would limit it to traffic that starts outside.</source>
        <translation>Verwirft auch Antworten auf ausgehende Verbindungen der Container selbst: Wenn sich %1 mit %2 verbindet, wird die Antwort, die %3 ankommt, hier verworfen. Keine Regel darüber lässt RELATED,ESTABLISHED-Verkehr durch, und die Regel hat kein --ctdir ORIGINAL, das sie auf Verkehr beschränken würde, der außerhalb beginnt.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>add -m conntrack --ctdir ORIGINAL</source>
        <translation>-m conntrack --ctdir ORIGINAL hinzufügen</translation>
    </message>
    <message>
        <location filename="../core/containeraddresslint.cpp" line="+132"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no running container has %1</source>
        <translation>kein laufender Container hat %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none is running there</source>
        <translation>dort läuft keiner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running there: %1</source>
        <translation>dort laufen: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running there: %1 and %2 more</source>
        <translation>dort laufen: %1 und %2 weitere</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Names %1, an address on Docker&apos;s bridge %2, but no running container has it (%3). A container that was stopped or created again may have another address now, and the rule then does nothing for it.</source>
        <translation>Nennt %1, eine Adresse auf Dockers Bridge %2, aber kein laufender Container hat sie (%3). Ein Container, der angehalten oder neu erstellt wurde, hat jetzt vielleicht eine andere Adresse, und die Regel wirkt dann nicht für ihn.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>use %1 (%2&apos;s address now) instead of %3</source>
        <translation>%1 (jetzt die Adresse von %2) statt %3 verwenden</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>%1 (host port %2)</source>
        <translation>%1 (Host-Port %2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no container with published ports has %1</source>
        <translation>kein Container mit veröffentlichten Ports hat %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names %1 port %2, but Docker&apos;s rules name no container at %1: on %3, port %2 is published for %4. Docker names only containers that publish ports; a container that was created again may have a new address.</source>
        <translation>Nennt %1 Port %2, aber Dockers Regeln nennen keinen Container unter %1: Auf %3 ist Port %2 für %4 veröffentlicht. Docker nennt nur Container, die Ports veröffentlichen; ein Container, der neu angelegt wurde, hat womöglich eine neue Adresse.</translation>
    </message>
    <message>
        <location line="-78"/>
        <location line="+86"/>
        <source>use %1 instead of %2</source>
        <translation>%1 statt %2 verwenden</translation>
    </message>
    <message>
        <location filename="../core/rulelints.cpp" line="+23"/>
        <source>never matches</source>
        <translation>trifft nie zu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>redundant</source>
        <translation>redundant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>port after Docker&apos;s DNAT</source>
        <translation>Port nach Dockers DNAT</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>drops replies</source>
        <translation>verwirft Antworten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown container address</source>
        <translation>unbekannte Container-Adresse</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>rule %1: %2</source>
        <translation>Regel %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>Userchain::RuleMatcher</name>
    <message>
        <location filename="../core/rulematcher.cpp" line="+195"/>
        <source>a non-contiguous mask</source>
        <translation>eine nicht zusammenhängende Maske</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+85"/>
        <location line="+49"/>
        <location line="+87"/>
        <source>the host&apos;s address</source>
        <translation>die Adresse des Rechners</translation>
    </message>
    <message>
        <location line="-214"/>
        <source>the out interface</source>
        <translation>die Ausgangsschnittstelle</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+18"/>
        <location line="+6"/>
        <location line="+78"/>
        <location line="+7"/>
        <source>the source port</source>
        <translation>den Quellport</translation>
    </message>
    <message>
        <location line="-106"/>
        <location line="+12"/>
        <source>the destination port</source>
        <translation>den Zielport</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>TCP flags</source>
        <translation>TCP-Flags</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>the ICMP type</source>
        <translation>den ICMP-Typ</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>addrtype --src-type (the host&apos;s routes)</source>
        <translation>addrtype --src-type (die Routen des Rechners)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>set %1, which was not read</source>
        <translation>die Menge %1, die nicht gelesen wurde</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>mark (the packet&apos;s mark, which rules not read may set)</source>
        <translation>mark (die Markierung des Pakets, die nicht gelesene Regeln setzen können)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connmark (the connection&apos;s mark, which rules not read may set)</source>
        <translation>connmark (die Markierung der Verbindung, die nicht gelesene Regeln setzen können)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>physdev (the bridge port of the packet)</source>
        <translation>physdev (den Bridge-Port des Pakets)</translation>
    </message>
</context>
<context>
    <name>Userchain::RuleParser</name>
    <message>
        <location filename="../core/ruleparser.cpp" line="+95"/>
        <location line="+8"/>
        <source>&quot;%1&quot; needs a value</source>
        <translation>„%1“ erfordert einen Wert</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+8"/>
        <source>&quot;%1&quot; needs %2 values</source>
        <translation>„%1“ erfordert %2 Werte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;!&quot; goes before the option: write &quot;! %1 ...&quot;</source>
        <translation>„!“ steht vor der Option: Schreiben Sie „! %1 ...“</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&quot;!&quot; must be followed by an option</source>
        <translation>auf „!“ muss eine Option folgen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unexpected &quot;%1&quot;: expected an option</source>
        <translation>unerwartetes „%1“: Option erwartet</translation>
    </message>
    <message>
        <location line="+100"/>
        <location line="+221"/>
        <source>&quot;%1&quot; given twice</source>
        <translation>„%1“ ist doppelt angegeben</translation>
    </message>
    <message>
        <location line="-217"/>
        <location line="+205"/>
        <source>&quot;%1&quot; cannot be negated</source>
        <translation>„%1“ kann nicht negiert werden</translation>
    </message>
    <message>
        <location line="-201"/>
        <source>&quot;-f&quot; exists only for IPv4</source>
        <translation>„-f“ gibt es nur für IPv4</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&quot;%1&quot; lists several addresses; iptables would make one rule for each: write one rule per address</source>
        <translation>„%1“ nennt mehrere Adressen; iptables würde für jede eine eigene Regel anlegen: Schreiben Sie eine Regel pro Adresse</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;!&quot; cannot go with several addresses (&quot;%1&quot;)</source>
        <translation>„!“ kann nicht mit mehreren Adressen verwendet werden („%1“)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;! %1 %2&quot; would match no packet</source>
        <translation>„! %1 %2“ träfe auf kein Paket zu</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&quot;! %1 +&quot; would match no packet</source>
        <translation>„! %1 +“ träfe auf kein Paket zu</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>unknown protocol &quot;%1&quot;</source>
        <translation>Protokoll „%1“ ist unbekannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;! -p all&quot; would match nothing</source>
        <translation>„! -p all“ träfe auf nichts zu</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>match &quot;%1&quot; is not supported by Userchain</source>
        <translation>Erweiterung „%1“ wird von Userchain nicht unterstützt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown match &quot;%1&quot; (did you mean %2?)</source>
        <translation>Erweiterung „%1“ ist unbekannt (meinten Sie %2?)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown match &quot;%1&quot;</source>
        <translation>Erweiterung „%1“ ist unbekannt</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+7"/>
        <source>&quot;-g&quot; needs a user chain, not &quot;%1&quot;</source>
        <translation>„-g“ erfordert eine Benutzerkette, nicht „%1“</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>target &quot;%1&quot; is not supported by Userchain</source>
        <translation>Sprungziel „%1“ wird von Userchain nicht unterstützt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is not a valid chain or target name</source>
        <translation>„%1“ ist kein gültiger Ketten- oder Sprungzielname</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>&quot;%1&quot; is a command: give only the rule that follows &quot;-A DOCKER-USER&quot;</source>
        <translation>„%1“ ist ein Befehl: Geben Sie nur die Regel an, die auf „-A DOCKER-USER“ folgt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; exists only for IPv6</source>
        <translation>„%1“ gibt es nur für IPv6</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot; exists only for IPv4</source>
        <translation>„%1“ gibt es nur für IPv4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; needs &quot;-p tcp&quot; or &quot;-p udp&quot;</source>
        <translation>„%1“ erfordert „-p tcp“ oder „-p udp“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot; needs &quot;-p %2&quot;</source>
        <translation>„%1“ erfordert „-p %2“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; needs &quot;-p icmp&quot;</source>
        <translation>„%1“ erfordert „-p icmp“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; needs &quot;-p ipv6-icmp&quot;</source>
        <translation>„%1“ erfordert „-p ipv6-icmp“</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; needs &quot;-j %2&quot;</source>
        <translation>„%1“ erfordert „-j %2“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot; needs &quot;-m %2&quot;</source>
        <translation>„%1“ erfordert „-m %2“</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown option &quot;%1&quot; (did you mean %2?)</source>
        <translation>Option „%1“ ist unbekannt (meinten Sie %2?)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown option &quot;%1&quot;</source>
        <translation>Option „%1“ ist unbekannt</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>cannot jump to the built-in chain &quot;%1&quot;</source>
        <translation>Sprung zur eingebauten Kette „%1“ nicht möglich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DOCKER-USER cannot jump to itself</source>
        <translation>DOCKER-USER kann nicht zu sich selbst springen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>chain &quot;%1&quot; does not exist (did you mean %2?)</source>
        <translation>Kette „%1“ existiert nicht (meinten Sie %2?)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chain &quot;%1&quot; does not exist</source>
        <translation>Kette „%1“ existiert nicht</translation>
    </message>
</context>
<context>
    <name>Userchain::Ruleset</name>
    <message>
        <location filename="../core/ruleset.cpp" line="+50"/>
        <source>no chain %1 in table %2</source>
        <translation>keine Kette %1 in Tabelle %2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&quot;%1&quot; is not a command of iptables-save output</source>
        <translation>„%1“ ist kein Befehl einer iptables-save-Ausgabe</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>chain %1 is not declared</source>
        <translation>Kette %1 ist nicht deklariert</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>a rule kept verbatim</source>
        <translation>eine wörtlich übernommene Regel</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>line %1: &quot;%2&quot; is not an address or network</source>
        <translation>Zeile %1: „%2“ ist keine Adresse und kein Netz</translation>
    </message>
</context>
<context>
    <name>WizardExposure</name>
    <message>
        <location filename="../app/wizardexposure.cpp" line="+40"/>
        <source>no change for any published port</source>
        <translation>keine Änderung für einen veröffentlichten Port</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="+31"/>
        <source>Edit Docker&apos;s DOCKER-USER firewall chain.</source>
        <translation>Dockers Firewall-Kette DOCKER-USER bearbeiten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Edit the firewall of HOST, over ssh (see REMOTE HOSTS in userchainctl(1)).</source>
        <translation>Die Firewall von HOST über ssh bearbeiten (siehe REMOTE HOSTS in userchainctl(1)).</translation>
    </message>
</context>
</TS>
