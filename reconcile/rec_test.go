package reconcile

import (
	"reflect"
	"testing"
	"unsafe"
)

// TestRecordHoldsNoPointer pins what rec's doc promises: 80 bytes a claim
// and no pointer in them, so that the collector never scans the records
// and reading one never leaves it.
func TestRecordHoldsNoPointer(t *testing.T) {
	if n := unsafe.Sizeof(rec{}); n != 80 {
		t.Errorf("rec is %d bytes, want 80", n)
	}
	var walk func(reflect.Type, string)
	walk = func(ty reflect.Type, path string) {
		switch ty.Kind() {
		case reflect.Pointer, reflect.UnsafePointer, reflect.Slice, reflect.Map, reflect.String,
			reflect.Chan, reflect.Func, reflect.Interface:
			t.Errorf("rec%s is a %s: it holds a pointer", path, ty.Kind())
		case reflect.Struct:
			for i := range ty.NumField() {
				f := ty.Field(i)
				walk(f.Type, path+"."+f.Name)
			}
		case reflect.Array:
			walk(ty.Elem(), path+"[]")
		}
	}
	walk(reflect.TypeFor[rec](), "")
}
