//go:build !linux

package hugepage

import "errors"

// advise does nothing: the system has no request this package makes.
func advise([]byte, bool) bool { return false }

// eligible reports an error: the system gives no account of huge pages.
func eligible(uintptr) (bool, error) {
	return false, errors.New("hugepage: the system gives no account of huge pages")
}
