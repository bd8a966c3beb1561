package fetch

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

var errPrivateAddress = errors.New("refusing to connect")

// reservedPrefixes are ranges netip's predicates do not cover but that are
// never public web servers: carrier-grade NAT, IETF protocol assignments,
// benchmarking, "this network" and the old class E.
var reservedPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b:1::/48"),
}

// refusePrivate is a net.Dialer Control hook: it runs after DNS resolution
// on the address actually dialled, so a public name resolving to a private
// IP (DNS rebinding) is refused too.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("%w: %s: %v", errPrivateAddress, address, err)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("%w: %s: %v", errPrivateAddress, address, err)
	}
	if !publicAddr(ip) {
		return fmt.Errorf("%w: %s %s", errPrivateAddress, network, address)
	}
	return nil
}

// publicAddr reports whether ip may be dialled without AllowPrivate.
func publicAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() || !ip.IsValid() {
		return false
	}
	for _, p := range reservedPrefixes {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}
