#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import HedgebookShell

/// libFuzzer entry point: the bytes are a Markdown notebook, read by ``NotebookParser`` (as
/// `check`, `run FILE.md` and `teach` read it) and by ``Lesson``.
///
/// Beyond "no crash": every block's lines are inside the file, cells come in order, rewriting
/// the outputs with the outputs the file already holds gives back the file byte for byte, and a
/// lesson's steps hold exactly the commands of the cells.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNotebook(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let notebook = NotebookParser.parse(text)
    var last = -1
    for cell in notebook.cells {
        let blocks = [cell.command] + (cell.output.map { [$0] } ?? [])
        for block in blocks {
            guard block.open > last, block.open < notebook.lines.count,
                  (block.close ?? notebook.lines.count) <= notebook.lines.count else {
                fatalError("a block outside the file or out of order: \(block)")
            }
            last = block.close ?? notebook.lines.count
        }
    }
    if notebook.lines.joined() != text { fatalError("the lines do not add up to the file") }
    let same = NotebookRenderer.updating(notebook, outputs: notebook.cells.map(notebook.outputText))
    if same != text { fatalError("rewriting unchanged outputs changed the file") }
    let lesson = Lesson.parse(text, name: "fuzz.md")
    let commands = lesson.steps.filter { $0.line != 0 }.count  // closing narration has line 0
    if commands != notebook.cells.count { fatalError("the lesson has \(commands) commands for \(notebook.cells.count) cells") }
    return 0
}
