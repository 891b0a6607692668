package dev.windjammer.examples.image.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AddressRangeTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "8.8.8.8, PUBLIC",
            "93.184.216.34, PUBLIC",
            "172.32.0.1, PUBLIC",
            "100.128.0.1, PUBLIC",
            "127.0.0.1, LOOPBACK",
            "127.255.255.254, LOOPBACK",
            "10.1.2.3, PRIVATE",
            "172.16.0.1, PRIVATE",
            "172.31.255.255, PRIVATE",
            "192.168.1.1, PRIVATE",
            "100.64.0.1, PRIVATE",
            "169.254.169.254, LINK_LOCAL",
            "224.0.0.1, MULTICAST",
            "239.255.255.250, MULTICAST",
            "0.0.0.0, ANY_LOCAL",
            "0.1.2.3, RESERVED",
            "255.255.255.255, RESERVED",
            "240.0.0.1, RESERVED",
            "192.0.0.8, RESERVED",
            "192.0.2.1, RESERVED",
            "198.18.0.1, RESERVED",
            "198.51.100.7, RESERVED",
            "203.0.113.9, RESERVED",
            "2606:4700::1111, PUBLIC",
            "::1, LOOPBACK",
            "::, ANY_LOCAL",
            "fe80::1, LINK_LOCAL",
            "fc00::1, UNIQUE_LOCAL",
            "fd12:3456::1, UNIQUE_LOCAL",
            "fec0::1, PRIVATE",
            "ff02::1, MULTICAST",
            "2001:db8::1, RESERVED",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2, RESERVED",
            "100::1, RESERVED",
            "::ffff:127.0.0.1, LOOPBACK",
            "::ffff:169.254.169.254, LINK_LOCAL",
            "::ffff:8.8.8.8, PUBLIC",
            "::127.0.0.1, LOOPBACK",
            "::10.0.0.1, PRIVATE",
            "64:ff9b::a9fe:a9fe, LINK_LOCAL",
            "64:ff9b::808:808, PUBLIC",
            "64:ff9b:1::1, PRIVATE",
            "2002:7f00:1::, LOOPBACK",
            "2002:0a00:0001::1, PRIVATE",
            "2002:0808:0808::1, PUBLIC",
    })
    void classifies(String literal, AddressRange expected) throws UnknownHostException {
        assertThat(AddressRange.of(InetAddress.getByName(literal))).isEqualTo(expected);
    }

    @Test
    void classifiesV4MappedBytesEvenWhenTheJdkKeepsThemIpv6() throws UnknownHostException {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 10;
        mapped[15] = 1;
        InetAddress address = java.net.Inet6Address.getByAddress(null, mapped, -1);

        assertThat(AddressRange.of(address)).isEqualTo(AddressRange.PRIVATE);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> AddressRange.of(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("address");
    }
}
