// Package sourcetest provides rapid generators of package source's values,
// for property tests in this module and in programs that use it, as
// testing/fstest serves io/fs. Generators of valid values are valid by
// construction; the Invalid* generators produce values that Validate or a
// parser must reject.
package sourcetest
