package queue

import (
	"testing"
	"time"
)

func TestRetryDelay(t *testing.T) {
	r := Retry{MaxDeliveries: 5, Backoff: []time.Duration{time.Second, 3 * time.Second}}
	tests := []struct {
		deliveries int
		want       time.Duration
	}{
		{0, time.Second},
		{1, time.Second},
		{2, 3 * time.Second},
		{9, 3 * time.Second},
	}
	for _, tt := range tests {
		if got := r.Delay(tt.deliveries); got != tt.want {
			t.Errorf("Delay(%d) = %v, want %v", tt.deliveries, got, tt.want)
		}
	}
	if got := (Retry{}).Delay(3); got != 0 {
		t.Errorf("empty backoff: Delay = %v, want 0", got)
	}
}
