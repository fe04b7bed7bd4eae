package server

import (
	"errors"
	"io"
	"net/http"

	"berean"
)

// readBody reads a request body. A body over MaxBody is 413 too_large; one
// that ends before its Content-Length, or a client that stops sending or
// hangs up mid-body, is the client's fault: 400 bad_request, with a message
// that never shows the connection's addresses (the underlying error does).
func readBody(r *http.Request) ([]byte, error) {
	body, err := io.ReadAll(r.Body)
	if err == nil {
		return body, nil
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return nil, err
	}
	return nil, apiError(berean.CodeBadRequest, "the request body could not be read whole (%d bytes arrived): it ended before its Content-Length, or the client stopped sending", len(body))
}
