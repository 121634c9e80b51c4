#pragma once

// The extension specs, one factory per extension, grouped in files by what they match. Each
// spec holds the extension's options, its checks and its kernel codec side by side;
// Extensions::all() is the table of them.

#include "extensions.h"

namespace Userchain {
namespace Xt {

// ports.cpp
ExtensionSpec tcpSpec();
ExtensionSpec udpSpec();
ExtensionSpec multiportSpec();
// icmp.cpp
ExtensionSpec icmpSpec();
ExtensionSpec icmp6Spec();
// conntrack.cpp
ExtensionSpec conntrackSpec();
ExtensionSpec stateSpec();
// addressmatches.cpp
ExtensionSpec iprangeSpec();
ExtensionSpec macSpec();
ExtensionSpec addrtypeSpec();
ExtensionSpec setSpec();
// commentlimit.cpp
ExtensionSpec commentSpec();
ExtensionSpec limitSpec();
// rejectlog.cpp
ExtensionSpec rejectSpec(Family family);
ExtensionSpec logSpec();
// marks.cpp
ExtensionSpec markSpec();
ExtensionSpec connmarkSpec();
ExtensionSpec markTargetSpec();
ExtensionSpec connmarkTargetSpec();
// connlimit.cpp, hashlimit.cpp
ExtensionSpec connlimitSpec();
ExtensionSpec hashlimitSpec();
// physdev.cpp, timematch.cpp, stringmatch.cpp
ExtensionSpec physdevSpec();
ExtensionSpec timeSpec();
ExtensionSpec stringSpec();
// nflog.cpp, tcpmss.cpp
ExtensionSpec nflogSpec();
ExtensionSpec tcpmssSpec();
// nat.cpp
ExtensionSpec dnatSpec();
ExtensionSpec snatSpec();
ExtensionSpec masqueradeSpec();

} // namespace Xt
} // namespace Userchain
