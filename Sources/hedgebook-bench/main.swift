import HedgebookModel
import HedgebookShell

// The benchmark harness behind `make bench`: each line is `name value unit`,
// read by bench/run.sh, which sets them beside the Python reference run.
// `hedgebook-bench [group…]` runs the groups named (bsm, condor, replay, montecarlo, engine), or all;
// `hedgebook-bench script PATH` only writes the replay script to PATH.

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "script", arguments.count == 2 {
    writeReplayScript(to: arguments[1])
} else {
    let only = Set(arguments)
    func wanted(_ name: String) -> Bool { only.isEmpty || only.contains(name) }
    if wanted("replay") { benchReplay() }
    if wanted("bsm") { benchBSM(); benchBSMTwoCores() }
    if wanted("condor") { benchCondor() }
    if wanted("montecarlo") { benchMonteCarlo() }
    if wanted("engine") { benchEngine() }
    if only.contains("breakdown") { benchBreakdown() }
    if only.contains("calibration") { benchCalibration() }
}
