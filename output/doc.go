// Package output writes a run's files into an output folder so that a
// failed or interrupted run loses nothing: every file of a run is rendered
// in memory first, then each is written to a temporary file in its final
// folder and renamed into place only when all of them were written. Paths
// are confined to the output folder whatever names the files are given.
//
// # Conventions
//
//   - A [Batch] collects the files of one run under a root folder, by
//     slash-separated paths relative to it ("report2020/results.csv"); a
//     path that is absolute or climbs out of the root is an error.
//   - [Batch.Commit] writes them all or none: an error or a cancelled
//     context before the renames leaves every file in place as it was and
//     no temporary file behind; a rename that fails puts back the files
//     already renamed (each replaced file is kept as a hard link until the
//     run is written) and removes the files and folders the run added, so
//     the folder holds exactly the earlier set. Temporary files are hidden
//     (".results.csv.tmp-…") and beside their destination, so the rename
//     never crosses file systems.
//   - Runs into one folder are serialized: Commit holds a lock on the
//     output folder while it writes; a second run waits ([Batch.OnWait])
//     or gives up when its context is done. On Unix the lock is an
//     advisory flock on the folder itself (an fcntl lock on a file
//     .simulate-lock, removed on release, on AIX and Solaris and where the
//     file system refuses flock); on Windows a file,
//     .simulate-lock, opened with no sharing and deleted when closed (so
//     it exists only while a run holds the folder, and dies with its
//     process). Where neither exists (plan9, js/wasm, wasip1) runs are not
//     serialized.
//   - Confinement follows symbolic links: a destination whose folder
//     resolves outside the root is an [EscapeError]; a destination that is
//     an input of the same command ([Batch.Protect]) a [ProtectedError].
//     Nothing is written in either case.
//   - A process killed during the renames (SIGKILL cannot be handled) may
//     leave some files new and others old, and temporary or backup files
//     behind, but every file in place is whole: the earlier one or the
//     new one.
//   - Files are readable by everyone who may read the folder (0644);
//     folders are made as needed (0755).
//   - A batch given a [Stamp] (the command line, the version, the time)
//     also writes, into every folder it writes files to, manifest.json
//     ([Manifest]): for each file, what wrote it, with the SHA-256 of the
//     resolved inputs of the scenarios it was computed from
//     ([Batch.AddInputs]). The manifest is read back and updated: the
//     entries of the folder's other files are kept while those files
//     exist, so a stale file shows an older command and time. It is
//     written with the other files, all or none.
package output
