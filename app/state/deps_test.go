//go:build !js

package state_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// This is a statement of policy, as in Go's src/go/build/deps_test.go:
// package state is the interface's state in plain Go. It never reaches
// the browser or the DOM (that is package browser's), nor the clock or
// randomness (what it needs of them comes in actions), so that every
// rule of the interface runs in native tests.
var forbidden = map[string]string{
	"github.com/maxence-charriere/go-app/v10/pkg/app": "components and the browser layer use go-app",
	"syscall/js":   "only package browser touches the window",
	"net/http":     "no network",
	"math/rand":    "no randomness: Start brings a seed",
	"math/rand/v2": "no randomness: Start brings a seed",
	"crypto/rand":  "no randomness: Start brings a seed",
}

// forbiddenDirect are standard packages state must not import itself
// (the standard library it uses imports some of them).
var forbiddenDirect = map[string]string{
	"os":   "no I/O: the Library's Storage is given",
	"time": "no clock: a Start action or the Store brings the time (time.Duration for effects excepted, see below)",
}

// TestStateImports lists every package state depends on, directly or not,
// and fails on any the policy forbids. time is allowed only for
// time.Duration, which effects use to say how long to wait: the direct
// imports are checked for it by name.
func TestStateImports(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", ".").Output()
	require.NoError(t, err)
	for _, dep := range strings.Fields(string(out)) {
		if why, bad := forbidden[dep]; bad {
			t.Errorf("package state depends on %s: %s", dep, why)
		}
	}
	direct, err := exec.Command("go", "list", "-f", `{{join .Imports " "}}`, ".").Output()
	require.NoError(t, err)
	for _, imp := range strings.Fields(string(direct)) {
		if why, bad := forbiddenDirect[imp]; bad && imp != "time" {
			t.Errorf("package state imports %s: %s", imp, why)
		}
	}
	uses, err := exec.Command("grep", "-rhoE", `time\.[A-Z][A-Za-z]*`, "--include=*.go", "--exclude=*_test.go", ".").Output()
	require.NoError(t, err)
	for _, use := range strings.Fields(string(uses)) {
		switch use {
		case "time.Duration", "time.Millisecond", "time.Second":
		default:
			t.Errorf("package state uses %s: %s", use, forbiddenDirect["time"])
		}
	}
}
