package extract

import (
	"fmt"
	"os"
	"testing"
)

func TestDbg(t *testing.T) {
	b, _ := os.ReadFile(os.Getenv("F"))
	for _, f := range Transcript(string(b), 0) {
		fmt.Printf("%-25q %-20q %.50q\n", f.Speaker, f.Role, f.Text)
	}
}
