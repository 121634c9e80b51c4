#pragma once

#include <system_error>
#include <thread>
#include <vector>

namespace Userchain {

/**
 * Runs part(0) ... part(parts - 1), parts 1.. on worker threads and part 0 on the calling
 * thread, and returns when all are done. A part whose thread cannot be had (resource limits)
 * runs on the calling thread instead, so the work is always done, only more slowly. Used for
 * the per-rule work of large applies (parsing, encoding) and imports (tokenizing, parsing);
 * parts must not share mutable state. In core so that the helper and core share one version.
 */
template <typename Part> void runInParts(int parts, const Part &part)
{
    std::vector<std::thread> workers;
    int started = 1;
    try {
        for (; started < parts; ++started)
            workers.emplace_back(part, started);
    } catch (const std::system_error &) {
        // No more threads: the rest run here.
    }
    part(0);
    for (int t = started; t < parts; ++t)
        part(t);
    for (std::thread &worker : workers)
        worker.join();
}

} // namespace Userchain
