// rgoc: Div32/Div64 raise the runtime's division and overflow errors
// (runtime.Error values "integer divide by zero" / "integer overflow").
package bits

import _ "unsafe"

//go:linkname panicdivide runtime.panicdivide
func panicdivide()

//go:linkname panicoverflow runtime.panicoverflow
func panicoverflow()
