package reconcile

import "fmt"

// ColumnLinksError checks, for the external tests, that every column's up
// and down lists are exactly the columns of its measure that contain it
// and that it contains, in increasing order, found by comparing every
// pair: what the links are meant to be, computed the slow way.
func (ix *Index) ColumnLinksError() error {
	for n, c := range ix.cols {
		var up, down []int32
		for d, o := range ix.cols {
			if o.key.m != c.key.m {
				continue
			}
			if o.key.pop.Contains(c.key.pop) && o.key.reg.Contains(c.key.reg) {
				up = append(up, int32(d))
			}
			if c.key.pop.Contains(o.key.pop) && c.key.reg.Contains(o.key.reg) {
				down = append(down, int32(d))
			}
		}
		if fmt.Sprint(up) != fmt.Sprint(c.up) || fmt.Sprint(down) != fmt.Sprint(c.down) {
			return fmt.Errorf("column %d (%v %v %v): up %v, down %v; want up %v, down %v",
				n, c.key.m, c.key.pop, c.key.reg, c.up, c.down, up, down)
		}
	}
	return nil
}

// Columns returns the number of columns, for the external tests.
func (ix *Index) Columns() int { return len(ix.cols) }
