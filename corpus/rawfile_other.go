//go:build !unix

package corpus

import "os"

// rawFile is an os.File where files are not read with plain system calls
// (see rawfile_unix.go).
type rawFile struct{ *os.File }

func openRaw(name string) (*rawFile, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	return &rawFile{f}, nil
}

func (f *rawFile) size() (int64, error) {
	info, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return info.Size(), nil
}

// statEntry stats path, following it if it is a link.
func statEntry(path string, follow bool) (entryStat, error) {
	stat := os.Lstat
	if follow {
		stat = os.Stat
	}
	info, err := stat(path)
	if err != nil {
		return entryStat{}, err
	}
	return entryStat{size: info.Size(), dir: info.IsDir(), regular: info.Mode().IsRegular()}, nil
}
