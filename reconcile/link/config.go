package link

import (
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strconv"
)

// Config is what a linkage needs beyond its lists: the schema of their
// records, the blocking rules, and the tuning of the model. Fields left zero
// take the documented defaults, so Config{Schema: s} is a complete
// configuration.
type Config struct {
	// Schema lists the fields of every record. Required.
	Schema Schema
	// Rules are the blocking rules, at most [MaxRules]; their candidate
	// pairs are united. None means [DefaultRules] of the schema;
	// [Result.Blocking] reports what each rule proposed and an estimate of
	// the matches it missed.
	Rules []Rule
	// MinScore is the least score (prior plus the weights of the fields,
	// the log-odds that two records are of one person) at which a pair is
	// linked. The default, 0, links at even odds or better; raise it for
	// precision (6.644 bits is 99 to 1), lower it for recall.
	MinScore Weight
	// MaxBlock is the largest block of records sharing a key that is
	// compared pair by pair; larger blocks (a key as common as "García"
	// alone) are skipped and counted in [Stats.SkippedBlocks]. Default 1000.
	MaxBlock int
	// MaxCluster is the largest number of records a cluster may reach by
	// linking (exact matches on a unique field are joined regardless).
	// Default 50.
	MaxCluster int
	// Sample is the number of random pairs compared to estimate how often
	// fields agree by chance. When all comparable pairs are fewer, all are
	// compared instead. Default: ten times the number of records, at least
	// 100,000 and at most 1,000,000.
	Sample int
	// Seed seeds the random sample; the same seed and input give the same
	// result.
	Seed uint64
	// MaxIterations bounds the iterations of the EM estimation. Default 200.
	MaxIterations int
	// Workers is the number of goroutines that compare pairs. The result
	// does not depend on it. Default: runtime.GOMAXPROCS(0).
	Workers int
	// ReviewMargin is how far below MinScore the scores of candidate pairs
	// may fall and still be kept for review ([Result.Review]). Default 10
	// bits.
	ReviewMargin Weight
	// Decisions are reviewers' verdicts on pairs of records: constraints
	// that clustering honours, and labels for estimating the model (see
	// [Decision]). With a saved Model, they are constraints only.
	Decisions []Decision
	// SupervisedLabels is the number of pairs decided the same person from
	// which m is estimated from the labels alone (supervised) rather than
	// with the unlabelled pairs (semi-supervised). Default 100.
	SupervisedLabels int
	// Progress, if not nil, is called as [LinkContext] goes through each
	// [Stage] of the linkage, and within the long ones as work is done.
	// Calls never overlap but may come from any goroutine; it must return
	// quickly. It does not change the result.
	Progress func(Progress)
	// Model, if not nil, is a model saved from an earlier linkage
	// ([Result.SaveModel]): its weights and word frequencies are used as
	// they are, and nothing is estimated. The schema must be the model's;
	// [SavedModel.Config] returns a config that fits.
	Model *SavedModel
}

// Defaults of [Config].
const (
	DefaultMaxBlock         = 1000
	DefaultMaxCluster       = 50
	DefaultMaxIterations    = 200
	DefaultSupervisedLabels = 100
	DefaultReviewMargin     = 10 * Bits
)

// Validate reports every problem with c, joined: an invalid schema, too
// many rules, a rule whose key names no field of the schema or a
// part the field's kind does not give, a negative tuning value.
func (c Config) Validate() error {
	var errs []error
	if c.Schema.Len() == 0 {
		errs = append(errs, fieldErr("Config.Schema", "", ErrInvalid, "no fields"))
	}
	if len(c.Rules) > MaxRules {
		errs = append(errs, fieldErr("Config.Rules", strconv.Itoa(len(c.Rules)), ErrInvalid, "want at most %d rules", MaxRules))
	}
	for i, r := range c.Rules {
		where := fmt.Sprintf("Config.Rules[%d]", i)
		if r.Name == "" || len(r.Name) > 64 {
			errs = append(errs, fieldErr(where+".Name", r.Name, ErrInvalid, "want 1 to 64 bytes"))
		}
		if r.MaxBlock < 0 || r.MaxBlock == 1 {
			errs = append(errs, fieldErr(where+".MaxBlock", strconv.Itoa(r.MaxBlock), ErrInvalid, "want 0 or at least 2"))
		}
		if len(r.Keys) == 0 || len(r.Keys) > 4 {
			errs = append(errs, fieldErr(where+".Keys", strconv.Itoa(len(r.Keys)), ErrInvalid, "want 1 to 4 keys"))
		}
		for k, key := range r.Keys {
			kw := fmt.Sprintf("%s.Keys[%d]", where, k)
			f := c.Schema.Index(key.Field)
			if f < 0 {
				errs = append(errs, fieldErr(kw+".Field", key.Field, ErrUnknown, "no such field in the schema"))
				continue
			}
			kind := c.Schema.fields[f].Kind
			if !key.Part.IsValid() || !key.Part.allows(kind) {
				errs = append(errs, fieldErr(kw+".Part", key.Part.String(), ErrInvalid, "not a part of a %s field", kind))
			}
			switch {
			case key.N < 0 || key.N > 32,
				key.Part == Prefix && key.N == 0,
				key.Part != Prefix && !key.Part.takesWords() && key.N != 0:
				errs = append(errs, fieldErr(kw+".N", strconv.Itoa(key.N), ErrInvalid, "a prefix takes 1 to 32 characters, parts made of words 0 to 32, other parts 0"))
			}
		}
	}
	for _, v := range []struct {
		name string
		v    int
	}{{"MaxBlock", c.MaxBlock}, {"MaxCluster", c.MaxCluster}, {"Sample", c.Sample}, {"MaxIterations", c.MaxIterations}, {"Workers", c.Workers}, {"SupervisedLabels", c.SupervisedLabels}} {
		if v.v < 0 {
			errs = append(errs, fieldErr("Config."+v.name, strconv.Itoa(v.v), ErrInvalid, "negative"))
		}
	}
	if c.Model != nil && !slices.Equal(c.Model.m.config().Schema.fields, c.Schema.fields) {
		errs = append(errs, fieldErr("Config.Model", "", ErrInvalid, "its schema is not the config's"))
	}
	if c.ReviewMargin < 0 || c.ReviewMargin > 1000*Bits {
		errs = append(errs, fieldErr("Config.ReviewMargin", c.ReviewMargin.String(), ErrInvalid, "want 0 to 1000 bits"))
	}
	if c.MaxBlock == 1 {
		errs = append(errs, fieldErr("Config.MaxBlock", "1", ErrInvalid, "a block of one record has no pairs"))
	}
	return errors.Join(errs...)
}

// withDefaults returns c with zero tuning values replaced by the defaults.
func (c Config) withDefaults() Config {
	if len(c.Rules) == 0 {
		c.Rules = DefaultRules(c.Schema)
	}
	if c.MaxBlock == 0 {
		c.MaxBlock = DefaultMaxBlock
	}
	if c.MaxCluster == 0 {
		c.MaxCluster = DefaultMaxCluster
	}
	if c.ReviewMargin == 0 {
		c.ReviewMargin = DefaultReviewMargin
	}
	if c.SupervisedLabels == 0 {
		c.SupervisedLabels = DefaultSupervisedLabels
	}
	if c.MaxIterations == 0 {
		c.MaxIterations = DefaultMaxIterations
	}
	if c.Workers == 0 {
		c.Workers = runtime.GOMAXPROCS(0)
	}
	return c
}
