#pragma once

#include "applyvalidator.h"
#include "backend.h"

#include <QDBusUnixFileDescriptor>
#include <QString>
#include <QVector>
#include <functional>

namespace Userchain {

class BackendWorker;

/**
 * The part of Apply and ApplyFile that runs on the family's BackendWorker, after the main
 * thread has authorized the caller, checked the plain arguments and admitted the write: the
 * caller's rules parsed, then the write through the worker's ChainWriter (backend, lock,
 * revision, one atomic commit) with the rules resolved against DOCKER-USER as it read it, and
 * ApplyFile's diff. It touches nothing of the main thread; the Outcome goes back to it.
 */
class ApplyJob final
{
public:
    /// What an Apply or ApplyFile asks for, its plain arguments already checked.
    struct Request
    {
        Family family = Family::IPv4;
        QString expectedRevision; ///< empty with ApplyAnyRevision
        uint confirmSeconds = 0;
        uint flags = 0;
        bool withDiff = false; ///< ApplyFile: the reply carries the diff
        /// Parses and checks the caller's rules (first, before the lock).
        std::function<bool(ApplyError *error)> validate;
        /// The rules to write, given DOCKER-USER as read under the lock (nullptr: missing).
        std::function<bool(const BackendChain *current, QVector<ApplyValidator::Item> *items,
                           ApplyError *error)>
            items;
        /// Optional, after validate() and before the lock: refuse what can be refused on an
        /// unlocked read (ApplyFile's lines that are no kernel rule's text).
        std::function<bool(Backend *backend, ApplyError *error)> precheck;
    };

    struct Outcome
    {
        ApplyError error; ///< name empty: success
        bool committed = false;
        QString revision; ///< after the commit; the current one for a dry run or no change
        QDBusUnixFileDescriptor diff; ///< withDiff only
        QString diffError; ///< why the diff could not be made (the rules are in place anyway)
        QVector<BackendRule> previous; ///< DOCKER-USER before the commit, for a rollback
    };
    using Done = std::function<void(const Outcome &outcome)>;

    /// On worker's thread: runs the request and calls done there (once), maybe later (after
    /// the wait for the xtables lock).
    static void run(BackendWorker *worker, const Request &request, Done done);
};

} // namespace Userchain
