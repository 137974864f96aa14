// Call-stack introspection: Caller, Callers, CallersFrames, FuncForPC,
// Stack, Goexit (gc's extern.go, symtab.go, traceback.go API).
//
// rgoc: the runtime walks frame pointers and symbolises PCs with the
// compiler's PC table (runtime/src/traceback.rs, symtab.rs). PCs are
// physical return addresses; frames LLVM inlined are expanded by
// CallersFrames (and skipped by Callers/Caller) as gc's inline tree does.
// Only Go code appears: the stack ends at the goroutine's first Go
// function (gc shows runtime.main and runtime.goexit below it).
package runtime

import "unsafe"

// rawFrame mirrors traceback.rs RawFrame: a logical frame at a PC.
type rawFrame struct {
	name  *byte
	nlen  int
	file  *byte
	flen  int
	line  int
	entry uintptr
}

const maxInline = 16

//go:linkname callers runtime.callers
func callers(skip int, pcs *uintptr, n int) int

//go:linkname pcFrames runtime.pcFrames
func pcFrames(pc uintptr, out *rawFrame, max int) int

//go:linkname stack runtime.stack
func stack(buf *byte, n int, all bool) int

// Goexit terminates the goroutine that calls it. No other goroutine is
// affected. Goexit runs all deferred calls before terminating the goroutine.
// Because Goexit is not a panic, any recover calls in those deferred
// functions will return nil.
//
// Calling Goexit from the main goroutine terminates that goroutine without
// func main returning. Since func main has not returned, the program
// continues execution of other goroutines. If all other goroutines exit,
// the program crashes.
//
//go:linkname Goexit runtime.Goexit
func Goexit()

func rawString(p *byte, n int) string {
	if n == 0 {
		return ""
	}
	return unsafe.String(p, n)
}

// Caller reports file and line number information about function
// invocations on the calling goroutine's stack. The argument skip is the
// number of stack frames to ascend, with 0 identifying the caller of
// Caller. The return values report the program counter, the file name, and
// the line number within the file of the corresponding call. The boolean
// ok is false if it was not possible to recover the information.
//
//go:noinline
func Caller(skip int) (pc uintptr, file string, line int, ok bool) {
	rpc := make([]uintptr, 1)
	n := callers(skip+1, &rpc[0], 1)
	if n < 1 {
		return
	}
	frame, _ := CallersFrames(rpc).Next()
	return frame.PC, frame.File, frame.Line, frame.PC != 0
}

// Callers fills the slice pc with the return program counters of function
// invocations on the calling goroutine's stack. The argument skip is the
// number of stack frames to skip before recording in pc, with 0 identifying
// the frame for Callers itself and 1 identifying the caller of Callers. It
// returns the number of entries written to pc.
//
//go:noinline
func Callers(skip int, pc []uintptr) int {
	if len(pc) == 0 {
		return 0
	}
	return callers(skip, &pc[0], len(pc))
}

// Frames may be used to get function/file/line information for a slice of
// PC values returned by Callers.
type Frames struct {
	callers []uintptr
	frames  []Frame
}

// Frame is the information returned by Frames for each call frame.
type Frame struct {
	// PC is the program counter for the location in this frame. For a
	// frame that calls another frame, this will be the program counter of
	// a call instruction.
	PC uintptr

	// Func is the Func value of this call frame. This may be nil for
	// non-Go code or fully inlined functions.
	Func *Func

	// Function is the package path-qualified function name of this call
	// frame.
	Function string

	// File and Line are the file name and line number of the location in
	// this frame.
	File string
	Line int

	// Entry point program counter for the function; may be zero if not
	// known. If Func is not nil then Entry == Func.Entry().
	Entry uintptr
}

// CallersFrames takes a slice of PCs returned by Callers and prepares to
// return function/file/line information. Do not change the slice until you
// are done with the Frames.
func CallersFrames(callers []uintptr) *Frames {
	return &Frames{callers: callers}
}

// Next returns a Frame representing the next call frame in the slice of PC
// values, and reports whether there are more frames to come.
func (ci *Frames) Next() (frame Frame, more bool) {
	for len(ci.frames) < 2 {
		if len(ci.callers) == 0 {
			break
		}
		pc := ci.callers[0]
		ci.callers = ci.callers[1:]
		var raw [maxInline]rawFrame
		n := pcFrames(pc-1, &raw[0], maxInline)
		for i := 0; i < n; i++ {
			r := &raw[i]
			fr := Frame{
				PC:       pc - 1,
				Function: rawString(r.name, r.nlen),
				File:     rawString(r.file, r.flen),
				Line:     r.line,
				Entry:    r.entry,
			}
			if i == n-1 {
				fr.Func = &Func{name: fr.Function, entry: r.entry}
			}
			ci.frames = append(ci.frames, fr)
		}
	}
	if len(ci.frames) == 0 {
		return Frame{}, false
	}
	frame = ci.frames[0]
	ci.frames = ci.frames[1:]
	more = len(ci.frames) > 0
	return
}

// A Func represents a Go function in the running binary.
type Func struct {
	name  string
	entry uintptr
}

// FuncForPC returns a *Func describing the function that contains the
// given program counter address, or else nil.
//
// If pc represents multiple functions because of inlining, it returns the
// *Func describing the innermost function, but with an entry of the
// outermost function.
func FuncForPC(pc uintptr) *Func {
	var raw [maxInline]rawFrame
	n := pcFrames(pc, &raw[0], maxInline)
	if n == 0 {
		return nil
	}
	return &Func{name: rawString(raw[0].name, raw[0].nlen), entry: raw[0].entry}
}

// Name returns the name of the function.
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return f.name
}

// Entry returns the entry address of the function.
func (f *Func) Entry() uintptr {
	if f == nil {
		return 0
	}
	return f.entry
}

// FileLine returns the file name and line number of the source code
// corresponding to the program counter pc. The result will not be accurate
// if pc is not a program counter within f.
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	var raw [maxInline]rawFrame
	n := pcFrames(pc, &raw[0], maxInline)
	if n == 0 {
		return "?", 0
	}
	return rawString(raw[0].file, raw[0].flen), raw[0].line
}

// Stack formats a stack trace of the calling goroutine into buf and returns
// the number of bytes written to buf. If all is true, Stack formats stack
// traces of all other goroutines into buf after the trace for the current
// goroutine.
//
//go:noinline
func Stack(buf []byte, all bool) int {
	if len(buf) == 0 {
		return 0
	}
	return stack(&buf[0], len(buf), all)
}
