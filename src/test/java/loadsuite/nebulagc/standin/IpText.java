package loadsuite.nebulagc.standin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** IP addresses and CIDR blocks as Go's net.ParseIP and net.ParseCIDR take them, checked without a DNS lookup. */
final class IpText {
  private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  /** What an IPv6 literal may hold; InetAddress then parses it as a literal and never resolves it. */
  private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  private IpText() {}

  static boolean isIp(String text) {
    return isIpv4(text) || isIpv6(text);
  }

  /** An address, a slash, and a prefix length within the address's width ({@code 10.0.1.0/24}). */
  static boolean isCidr(String text) {
    int slash = text.indexOf('/');
    if (slash < 0 || !text.substring(slash + 1).matches("0|[1-9]\\d{0,2}")) {
      return false;
    }
    String address = text.substring(0, slash);
    int prefix = Integer.parseInt(text.substring(slash + 1));
    return isIpv4(address) ? prefix <= 32 : isIpv6(address) && prefix <= 128;
  }

  private static boolean isIpv4(String text) {
    return IPV4.matcher(text).matches();
  }

  private static boolean isIpv6(String text) {
    if (!IPV6_CHARACTERS.matcher(text).matches()) {
      return false;
    }
    try {
      InetAddress.getByName(text);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
