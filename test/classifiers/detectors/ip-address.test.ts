import { describe, expect, it } from 'vitest';
import { ipAddressDetector } from '../../../classifiers/detectors/ip-address.ts';
import { detect, outcome, type Case } from '../../support/detect.ts';

const cases: Case[] = [
  { text: 'Ingelogd vanaf 82.94.12.7 om 10:32', expect: 'strong', why: 'public IPv4 with "ingelogd vanaf"' },
  { text: 'IP-adres van de melder: 145.53.201.9.', expect: 'strong', why: 'context label, sentence full stop' },
  { text: '2024-03-01 10:32:01 GET /login 213.127.45.220 200', expect: 'strong', why: 'log line without context' },
  { text: 'client=2a02:a46f:ff52:0:1c2b:9f3:4e1a:77d0', expect: 'strong', why: 'full IPv6 with client' },
  { text: 'IPv6:2a02:a46f:ff52::77d0 (thuis)', expect: 'strong', why: 'compressed IPv6 glued to its label' },
  { text: 'Remote address ::ffff:82.94.12.7', expect: 'strong', why: 'IPv4-mapped IPv6: the IPv4 part decides' },
  { text: 'Verbinding van ::ffff:192.168.1.4', expect: 'weak', why: 'IPv4-mapped private address' },
  { text: 'Server 192.168.1.10 in het lokale netwerk', expect: 'weak', why: 'private range: lower' },
  { text: 'IP-adres: 10.0.0.15', expect: 'weak', why: 'private range with context: listed, identifies no one outside' },
  { text: 'Release notes\nUpgraden vanaf 9.8.1.12 en 10.1.3.7 wordt ondersteund.', expect: 'weak', why: 'release notes' },
  { text: 'Versie 2.0\nIngelogd vanaf 82.94.12.7', expect: 'strong', why: 'an IP word keeps a real address strong' },
  { text: 'loopback 127.0.0.1', expect: 'weak', why: 'loopback' },
  { text: 'Zie het voorbeeld 203.0.113.5', expect: 'weak', why: 'documentation range' },
  { text: 'verbinding met fe80::1c2b:9f3:4e1a:77d0', expect: 'weak', why: 'IPv6 link-local' },
  { text: 'Versie 1.2.3.4 van de app', expect: 'weak', why: 'version context: near zero' },
  { text: 'version 10.22.134.7 released', expect: 'weak', why: 'version context beats a public-looking number' },
  { text: 'zie paragraaf 2.1.3.4 hierboven', expect: 'weak', why: 'section number' },
  { text: 'Stap 1.2.3.4 uit het handboek', expect: 'weak', why: 'single digits without context' },
  { text: 'build v1.2.3.4', expect: 'none', why: 'glued to a letter: a version' },
  { text: 'Totaal 1.000.000.000', expect: 'none', why: 'an amount: leading zeros' },
  { text: 'Waarde 300.1.2.3', expect: 'none', why: 'octet above 255' },
  { text: 'OID 1.3.6.1.4.1.311', expect: 'none', why: 'more than four parts' },
  { text: 'Subnetmasker 255.255.255.0', expect: 'none', why: 'a netmask is no host address' },
  { text: 'Datum 12.03.2024', expect: 'none', why: 'a date has three parts' },
  { text: 'std::vector<int> en Foo::Bar', expect: 'none', why: 'C++ and Ruby scopes' },
  { text: 'Om 12:30:45 begon de vergadering', expect: 'none', why: 'a time' },
  { text: 'MAC 00:1A:2B:3C:4D:5E', expect: 'none', why: 'a MAC address is not an IP address' },
  { text: 'Let op:: dit is geen adres', expect: 'none', why: 'double colon in prose' },
];

describe('ip-address detector', () => {
  it.each(cases)('$expect: $why — $text', ({ text, expect: expected }) => {
    expect(outcome(ipAddressDetector, text)).toBe(expected);
  });

  it('masks all but the first octet or group', () => {
    const [v4] = detect(ipAddressDetector, 'Ingelogd vanaf 82.94.12.7');
    expect(v4?.evidence).toBe('IP-adres: 82.**.**.*');
    expect(v4?.reason).toContain('"ingelogd vanaf"');
    const [v6] = detect(ipAddressDetector, 'client 2a02:a46f:ff52::77d0');
    expect(v6?.evidence).toBe('IP-adres: 2a02:****:****::****');
    expect(v6?.evidence).not.toContain('77d0');
  });

  it('reports the exact span of each address, in text order', () => {
    const text = 'ip 2001:4860:4860::8888 en 82.94.12.7, ook 145.53.201.9/24';
    const found = detect(ipAddressDetector, text);
    expect(found.map((o) => text.slice(o.start, o.end))).toEqual(['2001:4860:4860::8888', '82.94.12.7', '145.53.201.9']);
    expect(detect(ipAddressDetector, 'from ::ffff:82.94.12.7')).toHaveLength(1);
  });
});
