package reliability

// WithClaimPrior returns opt with the first release's prior accuracy (the
// pooled share of all voting claims), so that benchmarks measure it beside
// the default in one run.
func WithClaimPrior(opt Options) Options {
	opt.claimPrior = true
	return opt
}
