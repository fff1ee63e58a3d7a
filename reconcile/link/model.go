package link

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/freedcount/freedcount/source"
)

// SavedModel is a linkage model that carries over: the schema, the
// blocking rules, the threshold, the estimated weights and the words'
// frequencies of a [Result], with what it was trained on. Link new lists
// with it, without estimating again, by setting [Config.Model] (see
// [SavedModel.Config]); the same lists linked with the model saved from
// their own linkage give the same result, bit for bit.
//
// It is written as versioned JSON ([SavedModel.WriteTo], [ReadModel]). A
// file of another format version is refused with [ErrVersion], never read
// as if it were this one.
//
// Its frequencies of name words hold no names: each word is a 64-bit hash
// of its folded form, and only words that at least [MinSavedWordCount]
// names hold are kept, so a rare name, the kind that identifies someone,
// is never in the file. The hash of a common word can be found by hashing
// a dictionary of names: treat the file as internal to the organisation
// that made it. A SavedModel is immutable and safe for concurrent use.
type SavedModel struct {
	m modelFile
}

// ModelFormatVersion is the version of the JSON format [SavedModel.WriteTo]
// writes and [ReadModel] reads.
const ModelFormatVersion = 1

// modelFormat names the JSON format.
const modelFormat = "freedcount/link-model"

// MinSavedWordCount is the fewest names that must hold a word for its
// frequency to be saved in a [SavedModel].
const MinSavedWordCount = 5

// Training says when and on what a model was trained. The package reads
// no clock: the caller gives the time.
type Training struct {
	// At is when the model was trained. Required.
	At time.Time
	// Note is free text for the reader of the file (a project, a run). It
	// must not hold personal data.
	Note string
}

// TrainingInfo is what a [SavedModel] records of its training.
type TrainingInfo struct {
	At   time.Time
	Note string
	// Records is the number of records of the linkage; Lists its lists,
	// by source, with their sizes.
	Records int
	Lists   []ListInfo
	// Compared is the number of candidate pairs compared.
	Compared int64
	// Labels counts the reviewers' decisions the model was estimated with
	// ([Config.Decisions]): pairs decided the same person, and different
	// people. LabelsDigest is the SHA-256 of the decisions in canonical
	// order, hexadecimal ("" if none), which says which labels they were.
	SameLabels, DifferentLabels int
	LabelsDigest                string
	// Iterations and Converged are the EM's.
	Iterations int
	Converged  bool
}

// ListInfo is one list a model was trained on.
type ListInfo struct {
	Source  source.SourceID `json:"source"`
	Records int             `json:"records"`
	Unique  bool            `json:"unique,omitempty"`
}

type modelFile struct {
	Format   string         `json:"format"`
	Version  int            `json:"version"`
	Schema   []fieldFile    `json:"schema"`
	Rules    []ruleFile     `json:"rules"`
	MinScore Weight         `json:"min_score"`
	Prior    Weight         `json:"prior"`
	Rate     float64        `json:"match_rate"`
	Fields   []fieldWeights `json:"fields"`
	Terms    []termFile     `json:"term_frequencies,omitempty"`
	Training trainingFile   `json:"training"`
}

type fieldFile struct {
	Name      string `json:"name"`
	Kind      Kind   `json:"kind"`
	Tolerance int    `json:"tolerance,omitempty"`
	Unique    bool   `json:"unique,omitempty"`
}

type ruleFile struct {
	Name     string    `json:"name"`
	Keys     []keyFile `json:"keys"`
	MaxBlock int       `json:"max_block,omitempty"`
}

type keyFile struct {
	Field string `json:"field"`
	Part  Part   `json:"part"`
	N     int    `json:"n,omitempty"`
}

type fieldWeights struct {
	Field  string      `json:"field"`
	Levels []levelFile `json:"levels"`
}

type levelFile struct {
	Level     Level   `json:"level"`
	M         float64 `json:"m"`
	U         float64 `json:"u"`
	Weight    Weight  `json:"weight"`
	LogM      Weight  `json:"log2_m"`
	Estimated bool    `json:"estimated"`
	Observed  int64   `json:"observed"`
}

type termFile struct {
	Field string           `json:"field"`
	Names int64            `json:"names"`
	Words map[string]int64 `json:"words"` // hex hash → names holding it
}

type trainingFile struct {
	At              time.Time  `json:"at"`
	Note            string     `json:"note,omitempty"`
	Records         int        `json:"records"`
	Lists           []ListInfo `json:"lists"`
	Compared        int64      `json:"compared"`
	SameLabels      int        `json:"same_labels"`
	DifferentLabels int        `json:"different_labels"`
	LabelsDigest    string     `json:"labels_digest,omitempty"`
	Iterations      int        `json:"iterations"`
	Converged       bool       `json:"converged"`
	Supervised      bool       `json:"supervised,omitempty"`
}

// SaveModel returns the model of r, to link other lists with: its schema,
// rules and threshold, its weights and word frequencies, and t with what r
// was linked from. The error, wrapping [ErrInvalid], says t has no time.
func (r *Result) SaveModel(t Training) (*SavedModel, error) {
	if r.lk == nil {
		return nil, fieldErr("Result", "", ErrInvalid, "not made by Link")
	}
	if t.At.IsZero() {
		return nil, fieldErr("Training.At", "", ErrInvalid, "missing")
	}
	cfg := r.lk.cfg
	m := modelFile{Format: modelFormat, Version: ModelFormatVersion, MinScore: cfg.MinScore, Prior: r.prior, Rate: r.model.MatchRate}
	for _, f := range r.lk.fields {
		m.Schema = append(m.Schema, fieldFile(f)) // a new Field field breaks this: the format must say it
	}
	for _, rule := range cfg.Rules {
		rf := ruleFile{Name: rule.Name, MaxBlock: rule.MaxBlock}
		for _, k := range rule.Keys {
			rf.Keys = append(rf.Keys, keyFile(k))
		}
		m.Rules = append(m.Rules, rf)
	}
	for f, fm := range r.model.Fields {
		fw := fieldWeights{Field: fm.Field}
		for l, lm := range fm.Levels {
			fw.Levels = append(fw.Levels, levelFile{
				Level: lm.Level, M: lm.M, U: lm.U, Weight: r.fields[f].w[l], LogM: r.fields[f].logM[l],
				Estimated: r.fields[f].adjust[l], Observed: lm.Observed,
			})
		}
		m.Fields = append(m.Fields, fw)
	}
	for f, col := range r.lk.cols {
		nc, ok := col.(*nameCol)
		if !ok {
			continue
		}
		tf := termFile{Field: r.lk.fields[f].Name, Names: int64(nc.total), Words: map[string]int64{}}
		if r.terms != nil && r.terms[f] != nil {
			// Linked with a saved model: carry its table over.
			tf.Names = r.terms[f].names
			for h, n := range r.terms[f].words {
				tf.Words[hashHex(h)] = n
			}
		} else {
			for w, n := range nc.count {
				if w != 0 && n >= MinSavedWordCount {
					tf.Words[hashHex(nc.hash[w])] = int64(n)
				}
			}
		}
		m.Terms = append(m.Terms, tf)
	}
	st := r.stats
	m.Training = trainingFile{
		At: t.At.UTC(), Note: t.Note, Records: st.Records, Compared: st.Compared,
		SameLabels: r.labels.same, DifferentLabels: r.labels.different, LabelsDigest: r.labels.digest,
		Iterations: r.model.Iterations, Converged: r.model.Converged, Supervised: r.model.Supervised,
	}
	for _, l := range r.lk.lists {
		m.Training.Lists = append(m.Training.Lists, ListInfo{Source: l.src, Records: int(l.hi - l.lo), Unique: l.unique})
	}
	return &SavedModel{m}, nil
}

func hashHex(h uint64) string { return fmt.Sprintf("%016x", h) }

// WriteTo writes the model as indented JSON.
func (s *SavedModel) WriteTo(w io.Writer) (int64, error) {
	if w == nil {
		return 0, errNilWriter()
	}
	b, err := json.MarshalIndent(s.m, "", "  ")
	if err != nil {
		return 0, err
	}
	n, err := w.Write(append(b, '\n'))
	return int64(n), err
}

// MarshalJSON writes the model as [SavedModel.WriteTo] does, unindented.
func (s *SavedModel) MarshalJSON() ([]byte, error) { return json.Marshal(s.m) }

// UnmarshalJSON reads a model as [ReadModel] does.
func (s *SavedModel) UnmarshalJSON(b []byte) error {
	m, err := ReadModel(bytes.NewReader(b))
	if err != nil {
		return err
	}
	*s = *m
	return nil
}

// ReadModel reads a model that [SavedModel.WriteTo] wrote, and checks it
// whole: its format and version (another version is an error wrapping
// [ErrVersion]), its schema and rules, that each field has the levels of
// its kind, in order, with weights in range, and its frequency tables.
// Every other problem wraps [ErrInvalid].
func ReadModel(r io.Reader) (*SavedModel, error) {
	dec := json.NewDecoder(io.LimitReader(r, 256<<20))
	dec.DisallowUnknownFields()
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	raw := json.RawMessage{}
	if err := dec.Decode(&raw); err != nil {
		return nil, fieldErr("SavedModel", "", ErrInvalid, "not JSON: %v", err)
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return nil, fieldErr("SavedModel", "", ErrInvalid, "not a model: %v", err)
	}
	if head.Format != modelFormat {
		return nil, fieldErr("SavedModel.format", head.Format, ErrInvalid, "want %q", modelFormat)
	}
	if head.Version != ModelFormatVersion {
		return nil, fieldErr("SavedModel.version", strconv.Itoa(head.Version), ErrVersion,
			"this package reads version %d only; train the model again, or read it with the version that wrote it", ModelFormatVersion)
	}
	var m modelFile
	strict := json.NewDecoder(bytes.NewReader(raw))
	strict.DisallowUnknownFields()
	if err := strict.Decode(&m); err != nil {
		return nil, fieldErr("SavedModel", "", ErrInvalid, "%v", err)
	}
	if err := m.check(); err != nil {
		return nil, err
	}
	return &SavedModel{m}, nil
}

// check validates a decoded model.
func (m *modelFile) check() error {
	var errs []error
	cfg := m.config()
	if err := cfg.Validate(); err != nil {
		return err
	}
	if len(m.Fields) != len(m.Schema) {
		return fieldErr("SavedModel.fields", strconv.Itoa(len(m.Fields)), ErrInvalid, "want one per field of the schema, %d", len(m.Schema))
	}
	for f, fw := range m.Fields {
		where := fmt.Sprintf("SavedModel.fields[%d]", f)
		fd := cfg.Schema.fields[f]
		if fw.Field != fd.Name {
			errs = append(errs, fieldErr(where+".field", fw.Field, ErrInvalid, "want %q, the schema's field", fd.Name))
		}
		levels := fd.levels()
		if len(fw.Levels) != len(levels) {
			errs = append(errs, fieldErr(where+".levels", strconv.Itoa(len(fw.Levels)), ErrInvalid, "a %s field has %d levels", fd.Kind, len(levels)))
			continue
		}
		for l, lf := range fw.Levels {
			lw := fmt.Sprintf("%s.levels[%d]", where, l)
			switch {
			case lf.Level != levels[l]:
				errs = append(errs, fieldErr(lw+".level", lf.Level.String(), ErrInvalid, "want %s", levels[l]))
			case lf.Weight > maxWeight || lf.Weight < -maxWeight || lf.LogM > 0 || lf.LogM < -maxWeight:
				errs = append(errs, fieldErr(lw+".weight", lf.Weight.String(), ErrInvalid, "out of range"))
			case !(lf.M >= 0 && lf.M <= 1 && lf.U >= 0 && lf.U <= 1) || lf.Observed < 0:
				errs = append(errs, fieldErr(lw, "", ErrInvalid, "m and u must be probabilities, observed not negative"))
			}
		}
	}
	if m.Prior > maxWeight || m.Prior < -maxWeight || !(m.Rate >= 0 && m.Rate <= 1) {
		errs = append(errs, fieldErr("SavedModel.prior", m.Prior.String(), ErrInvalid, "out of range"))
	}
	seen := map[string]bool{}
	for k, tf := range m.Terms {
		where := fmt.Sprintf("SavedModel.term_frequencies[%d]", k)
		f := cfg.Schema.Index(tf.Field)
		if f < 0 || cfg.Schema.fields[f].Kind != PersonName || seen[tf.Field] {
			errs = append(errs, fieldErr(where+".field", tf.Field, ErrInvalid, "want a person_name field of the schema, once"))
			continue
		}
		seen[tf.Field] = true
		for h, n := range tf.Words {
			if _, err := parseHashHex(h); err != nil || n < MinSavedWordCount || n > tf.Names {
				errs = append(errs, fieldErr(where+".words", h, ErrInvalid, "want 16 hexadecimal digits, held by %d to %d names", MinSavedWordCount, tf.Names))
				break
			}
		}
	}
	if m.Training.At.IsZero() {
		errs = append(errs, fieldErr("SavedModel.training.at", "", ErrInvalid, "missing"))
	}
	return errors.Join(errs...)
}

func parseHashHex(s string) (uint64, error) {
	if len(s) != 16 {
		return 0, errors.New("want 16 digits")
	}
	b, err := hex.DecodeString(s)
	if err != nil {
		return 0, err
	}
	var h uint64
	for _, c := range b {
		h = h<<8 | uint64(c)
	}
	return h, nil
}

// config returns the schema, rules and threshold as a Config (unchecked).
func (m *modelFile) config() Config {
	fs := make([]Field, len(m.Schema))
	for i, f := range m.Schema {
		fs[i] = Field(f)
	}
	s, _ := NewSchema(fs...)
	var rules []Rule
	for _, rf := range m.Rules {
		r := Rule{Name: rf.Name, MaxBlock: rf.MaxBlock}
		for _, k := range rf.Keys {
			r.Keys = append(r.Keys, Key(k))
		}
		rules = append(rules, r)
	}
	return Config{Schema: s, Rules: rules, MinScore: m.MinScore}
}

// Config returns the configuration to link lists with the model: its
// schema, rules and threshold, and the model itself. Tuning values that do
// not change the result (Workers) may be changed; so may the rules and the
// threshold, which then differ from the model's training.
func (s *SavedModel) Config() Config {
	c := s.m.config()
	c.Model = s
	return c
}

// Schema returns the model's schema.
func (s *SavedModel) Schema() Schema { return s.m.config().Schema }

// Training returns what the model was trained on.
func (s *SavedModel) Training() TrainingInfo {
	t := s.m.Training
	return TrainingInfo{
		At: t.At, Note: t.Note, Records: t.Records, Lists: slices.Clone(t.Lists), Compared: t.Compared,
		SameLabels: t.SameLabels, DifferentLabels: t.DifferentLabels, LabelsDigest: t.LabelsDigest,
		Iterations: t.Iterations, Converged: t.Converged,
	}
}

// Model returns the model's weights, as [Result.Model] did.
func (s *SavedModel) Model() Model {
	t := s.m.Training
	m := Model{Prior: s.m.Prior, MatchRate: s.m.Rate, Iterations: t.Iterations, Converged: t.Converged,
		Labels: t.SameLabels + t.DifferentLabels, Supervised: t.Supervised}
	for _, fw := range s.m.Fields {
		fm := FieldModel{Field: fw.Field}
		for _, l := range fw.Levels {
			fm.Levels = append(fm.Levels, LevelModel{Level: l.Level, M: l.M, U: l.U, Weight: l.Weight, Observed: l.Observed})
		}
		m.Fields = append(m.Fields, fm)
	}
	return m
}

// savedTerms is a frequency table of a saved model, by word hash.
type savedTerms struct {
	names int64
	words map[uint64]int64
}

// applyTerms sets the word frequencies of the name columns of lk from the
// model, and returns the tables by field.
func (s *SavedModel) applyTerms(lk *linkage) []*savedTerms {
	terms := make([]*savedTerms, len(lk.fields))
	for _, tf := range s.m.Terms {
		f := lk.cfg.Schema.Index(tf.Field)
		st := &savedTerms{names: tf.Names, words: make(map[uint64]int64, len(tf.Words))}
		for h, c := range tf.Words {
			v, _ := parseHashHex(h)
			st.words[v] = c
		}
		terms[f] = st
		if nc, ok := lk.cols[f].(*nameCol); ok {
			nc.setFrequencies(st.words, st.names)
		}
	}
	return terms
}

// applyWeights sets the prior, weights and model of r from the model.
func (s *SavedModel) applyWeights(r *Result) {
	n := len(s.m.Fields)
	r.weights = make([][]Weight, n)
	r.fields = make([]fieldScore, n)
	for f, fw := range s.m.Fields {
		fs := &r.fields[f]
		for _, l := range fw.Levels {
			fs.w = append(fs.w, l.Weight)
			fs.logM = append(fs.logM, l.LogM)
			fs.adjust = append(fs.adjust, l.Estimated)
		}
		r.weights[f] = fs.w
		fs.sp, _ = r.lk.cols[f].(surpriser)
	}
	r.prior = s.m.Prior
	r.model = s.Model()
	t := s.m.Training
	r.labels = labelInfo{same: t.SameLabels, different: t.DifferentLabels, digest: t.LabelsDigest}
}
