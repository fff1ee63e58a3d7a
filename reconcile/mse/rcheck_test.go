package mse_test

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/freedcount/freedcount/reconcile/mse"
	"github.com/freedcount/freedcount/reconcile/mse/msetest"
)

// rscript returns the path of Rscript, or skips the test.
func rscript(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("Rscript")
	if err != nil {
		t.Skip("Rscript not found: install r-base-core (Debian) to cross-check against R's glm")
	}
	return p
}

// rCheck is the R side of TestProfileAgainstR: for each line "k mask het
// y_1 … y_(2^k−1)" (cell c holds the people whose lists are the bits of
// c), it fits the model with glm(family = poisson) and computes the
// profile interval with optimize and uniroot as Rcapture's closedpCI.t
// does, to tight tolerances, and prints "N SE deviance AIC Nmax lo hi".
const rCheck = `
hetcol <- function(h, f, k) {
  if (h == 1) return(cbind(2^f - 1))
  if (h == 2) return(cbind(f^2 / 2))
  if (h == 3) return(cbind(-log(3.5 + f) + log(3.5)))
  if (h == 4) return(sapply(3:k, function(j) pmax(f - j + 1, 0)))
  NULL
}
ctl <- glm.control(epsilon = 1e-14, maxit = 200)
fitm <- function(y, X, h, base) {
  drop <- integer(0)
  repeat {
    Xd <- if (length(drop)) X[, -drop, drop = FALSE] else X
    g <- suppressWarnings(glm(y ~ Xd, family = poisson, control = ctl))
    if (h != 4) return(g)
    cf <- coef(g)[-1]
    keep <- setdiff(seq_len(ncol(X)), drop)
    neg <- which(keep > base & cf < 0)
    if (!length(neg)) return(g)
    drop <- c(drop, keep[neg[1]])
  }
}
for (line in readLines(commandArgs(TRUE)[1])) {
  v <- as.numeric(strsplit(line, " ")[[1]])
  k <- v[1]; mask <- v[2]; h <- v[3]; y <- v[-(1:3)]
  cells <- 1:(2^k - 1)
  H <- sapply(0:(k - 1), function(i) bitwAnd(bitwShiftR(cells, i), 1))
  X <- H
  q <- 0
  for (i in 1:(k - 1)) for (j in (i + 1):k) {
    if (bitwAnd(bitwShiftR(mask, q), 1)) X <- cbind(X, H[, i] * H[, j])
    q <- q + 1
  }
  base <- ncol(X)
  X <- cbind(X, hetcol(h, rowSums(H), k))
  n <- sum(y)
  g <- fitm(y, X, h, base)
  b0 <- coef(g)[1]
  N <- n + exp(b0)
  se <- sqrt(exp(b0) + exp(2 * b0) * summary(g)$cov.unscaled[1, 1])
  Xa <- rbind(X, 0)
  ll <- function(M, lobj = 0) {
    n0 <- M - n
    ga <- fitm(c(y, n0), Xa, h, base)
    ct <- if (M > 100) { if (n0 == 0 || n0 == 1) -M + 0.5 * log(2 * pi * M) else n0 - M - 0.5 * log(n0 / M) } else
      log((n0^n0) * factorial(M) / ((M^M) * factorial(n0)))
    (ga$deviance - 2 * ct) / (-2) - lobj
  }
  op <- optimize(ll, c(n, 3 * N), tol = 1e-9 * N, maximum = TRUE)
  cut <- op$objective - qchisq(0.95, 1) / 2
  lo <- if (ll(n + 1e-3) < cut) uniroot(ll, c(n + 1e-3, op$maximum), lobj = cut, tol = 1e-9 * N)$root else n
  hi <- uniroot(ll, c(op$maximum, 3 * N), lobj = cut, tol = 1e-9 * N)$root
  cat(sprintf("%.15g", c(N, se, g$deviance, g$aic, op$maximum, lo, hi)), "\n")
}
`

// TestProfileAgainstR fits random models to simulated tables of three to
// five lists, interaction and heterogeneity models alike, and checks the
// estimate, its standard error, deviance and AIC against R's glm to 1e-9,
// and the profile interval against R's optimize and uniroot on the same
// likelihood to 1e-6 (R's root finding is the looser of the two).
func TestProfileAgainstR(t *testing.T) {
	if testing.Short() {
		t.Skip("cross-check against R skipped in -short mode")
	}
	r := rscript(t)
	rng := rand.New(rand.NewPCG(13, 13))
	type job struct {
		h mse.Histories
		m mse.Model
		e mse.Estimate
		p mse.ProfileInterval
	}
	var jobs []job
	var in bytes.Buffer
	for i := 0; len(jobs) < 20; i++ {
		k := 3 + i%3
		h := msetest.Simulated(k, 300+rng.IntN(5000), uint64(100+i))
		ls := h.Lists()
		m := mse.Model{}
		if i%4 == 3 {
			m.Heterogeneity = mse.Heterogeneity(1 + (i/4)%4)
		} else {
			for a := range k {
				for b := a + 1; b < k; b++ {
					if rng.IntN(3) == 0 {
						m.Interactions = append(m.Interactions, [2]mse.ListID{ls[a], ls[b]})
					}
				}
			}
		}
		e, err := mse.FitModel(h, m, mse.DefaultOptions())
		if err != nil {
			continue
		}
		p, err := mse.Profile(h, m, mse.DefaultOptions())
		if err != nil || p.Open {
			continue
		}
		jobs = append(jobs, job{h, m, e, p})
		// The mask over the pairs in R's order, from the canonical lists.
		var mask uint
		q := 0
		for a := range k {
			for b := a + 1; b < k; b++ {
				for _, pr := range m.Interactions {
					if pr == [2]mse.ListID{ls[a], ls[b]} {
						mask |= 1 << q
					}
				}
				q++
			}
		}
		fmt.Fprintf(&in, "%d %d %d", k, mask, m.Heterogeneity)
		for c := 1; c < 1<<k; c++ {
			var on []mse.ListID
			for j := range k {
				if c&(1<<j) != 0 {
					on = append(on, ls[j])
				}
			}
			fmt.Fprintf(&in, " %d", h.Count(on...))
		}
		in.WriteString("\n")
	}
	hets := map[mse.Heterogeneity]bool{}
	for _, j := range jobs {
		hets[j.m.Heterogeneity] = true
	}
	require.Len(t, hets, 5, "every heterogeneity model, and none, is checked")
	dir := t.TempDir()
	data, script := filepath.Join(dir, "tables.txt"), filepath.Join(dir, "check.R")
	require.NoError(t, os.WriteFile(data, in.Bytes(), 0o600))
	require.NoError(t, os.WriteFile(script, []byte(rCheck), 0o600))
	out, err := exec.Command(r, "--vanilla", script, data).CombinedOutput()
	require.NoError(t, err, "%s", out)
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	require.Len(t, lines, len(jobs), "%s", out)
	rel := func(a, b float64) float64 { return math.Abs(a-b) / math.Max(1, math.Abs(b)) }
	for i, l := range lines {
		var v []float64
		for _, f := range strings.Fields(l) {
			x, err := strconv.ParseFloat(f, 64)
			require.NoError(t, err)
			v = append(v, x)
		}
		require.Len(t, v, 7)
		j := jobs[i]
		name := j.h.String() + " " + j.e.Model()
		for _, c := range []struct {
			what   string
			got, r float64
			tol    float64
		}{
			{"N", j.e.N, v[0], 1e-9}, {"SE", j.e.SE, v[1], 1e-7}, {"deviance", j.e.Deviance, v[2], 1e-9}, {"AIC", j.e.AIC, v[3], 1e-9},
			{"profile N", j.p.N, v[4], 1e-6}, {"profile Lo", j.p.Lo, v[5], 1e-6}, {"profile Hi", j.p.Hi, v[6], 1e-6},
		} {
			if d := rel(c.got, c.r); d > c.tol {
				t.Errorf("%s: %s = %.10g, R %.10g (relative %.1e > %.0e)", name, c.what, c.got, c.r, d, c.tol)
			}
		}
	}
}
