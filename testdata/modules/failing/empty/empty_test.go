package empty

import "testing"

func helper(t *testing.T) {}

var _ = helper
var _ testing.TB
