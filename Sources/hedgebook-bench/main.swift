import HedgebookModel
import HedgebookShell

// The benchmark harness behind `make bench`: each line is `name value unit`,
// read by bench/run.sh, which sets them beside the Python reference run.

let arguments = CommandLine.arguments.dropFirst()
let only = Set(arguments)
func wanted(_ name: String) -> Bool { only.isEmpty || only.contains(name) }

if wanted("bsm") { benchBSM() }
