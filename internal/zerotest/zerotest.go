// Package zerotest checks that every method of a zero value answers
// without panicking, for the packages whose docs promise that their zero
// values are safe to use.
package zerotest

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// CallAll prints the zero value of v's type with fmt's %v, %+v, %#v, %s,
// %q and %x (which is how its Format method, if any, is called), and calls
// every other exported method of a pointer to it (so value and pointer
// methods both), each with zero arguments; it ranges over a returned
// iterator (iter.Seq or iter.Seq2) and prints every result. A panic in any
// of these fails t, naming the method. It returns the names of the methods
// called.
func CallAll(t testing.TB, v any) []string {
	t.Helper()
	typ := reflect.TypeOf(v)
	if typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	ptr := reflect.New(typ)
	func() {
		defer func() {
			if p := recover(); p != nil {
				t.Errorf("printing the zero %s panics: %v", typ, p)
			}
		}()
		for _, x := range []any{ptr.Elem().Interface(), ptr.Interface()} {
			_ = fmt.Sprintf("%v %+v %#v %s %q %x", x, x, x, x, x, x)
		}
	}()
	var called []string
	for m := range ptr.NumMethod() {
		method := ptr.Type().Method(m)
		name := typ.String() + "." + method.Name
		if method.Name == "Format" {
			continue // called by the printing above, with a real fmt.State
		}
		called = append(called, method.Name)
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Errorf("%s on the zero value panics: %v", name, p)
				}
			}()
			ptr.Elem().Set(reflect.Zero(typ)) // a mutating method must not change the next call
			fn := ptr.Method(m)
			ft := fn.Type()
			n := ft.NumIn()
			if ft.IsVariadic() {
				n-- // called with no variadic argument
			}
			args := make([]reflect.Value, n)
			for i := range n {
				args[i] = reflect.Zero(ft.In(i))
			}
			for _, out := range fn.Call(args) {
				exercise(out)
			}
		}()
	}
	return called
}

// exercise ranges over out if it is an iterator and prints it.
func exercise(out reflect.Value) {
	if out.Kind() == reflect.Func && !out.IsNil() && out.Type().NumIn() == 1 {
		yield := out.Type().In(0)
		if yield.Kind() == reflect.Func && yield.NumOut() == 1 && yield.Out(0).Kind() == reflect.Bool {
			out.Call([]reflect.Value{reflect.MakeFunc(yield, func(args []reflect.Value) []reflect.Value {
				for _, a := range args {
					exercise(a)
				}
				return []reflect.Value{reflect.ValueOf(true)}
			})})
		}
		return
	}
	if out.CanInterface() {
		x := out.Interface()
		_ = fmt.Sprintf("%v %+v %#v", x, x, x)
	}
}

// ExportedTypes returns the names of the exported types declared in the
// non-test Go files of the package in dir, so that a test can check that
// it lists them all.
func ExportedTypes(t testing.TB, dir string) []string {
	t.Helper()
	fset := token.NewFileSet()
	matches, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, path := range matches {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, spec := range gd.Specs {
				if ts := spec.(*ast.TypeSpec); ts.Name.IsExported() {
					names = append(names, ts.Name.Name)
				}
			}
		}
	}
	slices.Sort(names)
	return names
}

// Check calls [CallAll] on each value, and fails t if the values' types
// are not exactly the exported types of the package in dir.
func Check(t *testing.T, dir string, values ...any) {
	t.Helper()
	var have []string
	for _, v := range values {
		typ := reflect.TypeOf(v)
		if typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		name, _, _ := strings.Cut(typ.Name(), "[") // a generic type's instance
		have = append(have, name)
		CallAll(t, v)
	}
	slices.Sort(have)
	if want := ExportedTypes(t, dir); !slices.Equal(have, want) {
		t.Errorf("checked the zero values of %v, but the package exports %v", have, want)
	}
}
