package browser

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestOverwrite(t *testing.T) {
	tests := []struct {
		name           string
		now, was, text string
		focused, want  bool
	}{
		{"shows the state's text already", "12", "1", "12", true, false},
		{"a cell emptied by a new model", "2", "2", "", false, true},
		{"a ghost left before: not focused, shown whatever was", "3000", "", "", false, true},
		{"redo of a cleared cell", "", "", "3000", false, true},
		{"undo while the field has focus, nothing typed since", "5", "5", "", true, true},
		{"keys typed that the state has not seen yet", "12", "1", "1", true, false},
		{"keys typed into an emptied cell, events on their way", "0", "", "", true, false},
		{"not focused: the state wins over any text", "12", "1", "1", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, overwrite(tt.now, tt.was, tt.text, tt.focused))
		})
	}
}
