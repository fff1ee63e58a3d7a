// Package deps pins the modules that freedcount's packages are about to use,
// so that go.mod keeps them while the packages that import them are written.
// It is removed once every pinned module has a real importer.
package deps

import (
	_ "github.com/shopspring/decimal"
	_ "github.com/stretchr/testify/require"
	_ "golang.org/x/exp/constraints"
	_ "pgregory.net/rapid"
)
