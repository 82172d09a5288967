using System.Text;
using Req2Nix.Packaging.Hashing;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Packaging.Tests.Hashing;

public class Sha256DigestTests
{
    private const string AbcHex = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private const string AbcBase32 = "1b8m03r63zqhnjf7l5wnldhh7c134ap5vpj0850ymkq1iyzicy5s";
    private const string AbcSri = "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=";

    private static readonly string VectorsPath = Path.Combine(
        SharedFolder.RepositoryRoot, "tests", "Packaging.Tests", "Hashing", "Data", "nix-sha256-vectors.tsv");

    /// <summary>Each row of the vectors Nix 2.8 printed: hex, Nix base-32, SRI.</summary>
    public static TheoryData<string, string, string> NixVectors()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(VectorsPath))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }
            var columns = line.Split('\t');
            data.Add(columns[0], columns[1], columns[2]);
        }
        return data;
    }

    [Fact]
    public void The_recorded_vectors_are_all_there()
    {
        Assert.Equal(308, NixVectors().Count);
    }

    [Theory]
    [MemberData(nameof(NixVectors))]
    public void Every_form_matches_what_Nix_printed(string hex, string base32, string sri)
    {
        var digest = Sha256Digest.FromHex(hex);

        Assert.Equal(hex, digest.ToHex());
        Assert.Equal(base32, digest.ToNixBase32());
        Assert.Equal(sri, digest.ToSri());
        Assert.True(Sha256Digest.TryParseNixBase32(base32, out var fromBase32));
        Assert.Equal(digest, fromBase32);
        Assert.True(Sha256Digest.TryParseSri(sri, out var fromSri));
        Assert.Equal(digest, fromSri);
        Assert.Equal(digest, Sha256Digest.Parse(base32));
        Assert.Equal(digest, Sha256Digest.Parse(sri));
        Assert.Equal(digest, Sha256Digest.Parse(hex));
    }

    [Fact]
    public void Compute_hashes_bytes()
    {
        var digest = Sha256Digest.Compute(Encoding.ASCII.GetBytes("abc"));

        Assert.Equal(AbcHex, digest.ToHex());
        Assert.Equal(AbcBase32, digest.ToNixBase32());
        Assert.Equal(AbcSri, digest.ToSri());
        Assert.Equal(AbcHex, digest.ToString());
        Assert.Equal(Convert.FromHexString(AbcHex), digest.Bytes.ToArray());
    }

    [Fact]
    public void Random_digests_round_trip_through_every_form()
    {
        var random = new Random(20240601);
        var bytes = new byte[Sha256Digest.Length];
        for (var i = 0; i < 1000; i++)
        {
            random.NextBytes(bytes);
            var digest = Sha256Digest.FromBytes(bytes);

            Assert.Equal(digest, Sha256Digest.FromHex(digest.ToHex()));
            Assert.Equal(digest, Sha256Digest.ParseNixBase32(digest.ToNixBase32()));
            Assert.Equal(digest, Sha256Digest.ParseSri(digest.ToSri()));
            Assert.True(Sha256Digest.TryParsePrefixedHex(digest.ToPrefixedHex(), out var prefixed));
            Assert.Equal(digest, prefixed);
            Assert.True(Sha256Digest.TryParse(digest.ToNixBase32(), out var any));
            Assert.Equal(digest, any);
        }
    }

    [Fact]
    public void Hex_is_read_in_either_case_and_written_in_lower_case()
    {
        var digest = Sha256Digest.FromHex(AbcHex.ToUpperInvariant());

        Assert.Equal(AbcHex, digest.ToHex());
    }

    [Fact]
    public void The_algorithm_prefixed_form_of_pip_and_poetry_is_read()
    {
        Assert.True(Sha256Digest.TryParsePrefixedHex("sha256:" + AbcHex, out var digest));
        Assert.Equal(AbcHex, digest.ToHex());
        Assert.Equal("sha256:" + AbcHex, digest.ToPrefixedHex());
        Assert.Equal(digest, Sha256Digest.Parse("sha256:" + AbcHex));
        Assert.True(Sha256Digest.TryParse("sha256:" + AbcHex, out var any));
        Assert.Equal(digest, any);
    }

    [Theory]
    [InlineData("sha512:" + AbcHex)]
    [InlineData("md5:" + AbcHex)]
    [InlineData("SHA256:" + AbcHex)]
    [InlineData("sha256:" + AbcHex + "0")]
    [InlineData("sha256:")]
    [InlineData(AbcHex)]
    public void Other_algorithms_and_bad_prefixed_forms_are_refused(string text)
    {
        Assert.False(Sha256Digest.TryParsePrefixedHex(text, out _));
    }

    [Theory]
    [InlineData("https://files.example.org/packages/ab/cd/pkg-1.0.tar.gz#sha256=" + AbcHex)]
    [InlineData("../../packages/pkg-1.0-py3-none-any.whl#sha256=" + AbcHex)]
    [InlineData("#sha256=" + AbcHex)]
    public void The_PEP_503_fragment_is_read(string url)
    {
        Assert.True(Sha256Digest.TryParseUrlFragment(url, out var digest));
        Assert.Equal(AbcHex, digest.ToHex());
    }

    [Theory]
    [InlineData("https://files.example.org/pkg-1.0.tar.gz")]
    [InlineData("https://files.example.org/pkg-1.0.tar.gz#md5=900150983cd24fb0d6963f7d28e17f72")]
    [InlineData("https://files.example.org/pkg-1.0.tar.gz#sha256=xyz")]
    [InlineData("https://files.example.org/pkg-1.0.tar.gz#egg=pkg&sha256=" + AbcHex)]
    [InlineData("sha256=" + AbcHex)]
    public void URLs_without_a_sha256_fragment_give_no_digest(string url)
    {
        Assert.False(Sha256Digest.TryParseUrlFragment(url, out _));
    }

    [Theory]
    [InlineData(AbcHex + "0", 65, "expected 64 hexadecimal digits for a sha256 digest, found 65")]
    [InlineData("0", 2, "expected 64 hexadecimal digits for a sha256 digest, found 1")]
    [InlineData("", 1, "expected 64 hexadecimal digits for a sha256 digest, found 0")]
    [InlineData("ba7816bg8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 8, "'g' is not a hexadecimal digit")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a ", 64, "U+0020 is not a hexadecimal digit")]
    [InlineData("Ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 1, "'G' is not a hexadecimal digit")]
    [InlineData("ba7816bf8fz1cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 11, "'z' is not a hexadecimal digit")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f2001zzz", 62, "'z' is not a hexadecimal digit")]
    public void Bad_hex_is_refused_with_a_column(string text, int column, string reason)
    {
        Assert.False(Sha256Digest.TryParseHex(text, out _));
        var error = Assert.Throws<InvalidDigestException>(() => Sha256Digest.FromHex(text));
        Assert.Equal(column, error.Column);
        Assert.Equal(reason, error.Reason);
    }

    [Theory]
    // e, o, t and u are not in Nix's alphabet.
    [InlineData("1b8m03r63zqhnjf7l5wnldhh7c134ap5vpj0850ymkq1iyzicy5e", 52, "'e' is not a Nix base-32 digit")]
    [InlineData("1o8m03r63zqhnjf7l5wnldhh7c134ap5vpj0850ymkq1iyzicy5s", 2, "'o' is not a Nix base-32 digit")]
    [InlineData("1b8m03r63zqhnjf7l5wnldhh7c134ap5vpj0850ymkq1iyzicy5S", 52, "'S' is not a Nix base-32 digit")]
    [InlineData("1b8m03r63zqhnjf7l5wnldhh7c134ap5vpj0850ymkq1iyzicy5", 52, "expected 52 Nix base-32 digits for a sha256 digest, found 51")]
    // 52 digits hold 260 bits: the first may only be 0 or 1.
    [InlineData("2b8m03r63zqhnjf7l5wnldhh7c134ap5vpj0850ymkq1iyzicy5s", 1, "'2' sets bits beyond the 256 of a sha256 digest (Nix base-32)")]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", 1, "'z' sets bits beyond the 256 of a sha256 digest (Nix base-32)")]
    public void Bad_Nix_base32_is_refused_with_a_column(string text, int column, string reason)
    {
        Assert.False(Sha256Digest.TryParseNixBase32(text, out _));
        var error = Assert.Throws<InvalidDigestException>(() => Sha256Digest.ParseNixBase32(text));
        Assert.Equal(column, error.Column);
        Assert.Equal(reason, error.Reason);
    }

    [Theory]
    [InlineData("sha512-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=", 1, "expected 'sha256-' at the start")]
    [InlineData("sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0", 51, "expected 44 base64 digits for a sha256 digest, found 43")]
    [InlineData("sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0==", 52, "expected 44 base64 digits for a sha256 digest, found 45")]
    [InlineData("sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0A", 51, "'A' is not a base64 digit")]
    [InlineData("sha256-ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=", 17, "'-' is not a base64 digit")]
    // The last digit's two spare bits must be zero: '1' (…01) would decode to the same bytes as '0'.
    [InlineData("sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa1=", 50, "'1' sets bits beyond the 256 of a sha256 digest (base64)")]
    public void Bad_SRI_is_refused_with_a_column(string text, int column, string reason)
    {
        Assert.False(Sha256Digest.TryParseSri(text, out _));
        var error = Assert.Throws<InvalidDigestException>(() => Sha256Digest.ParseSri(text));
        Assert.Equal(column, error.Column);
        Assert.Equal(reason, error.Reason);
    }

    [Theory]
    [InlineData("sha512:abcd", 1, "'sha512' is not sha256; only sha256 digests are read")]
    [InlineData("md5-abcd", 1, "'md5' is not sha256; only sha256 digests are read")]
    [InlineData("abc", 1, "found 3 characters")]
    [InlineData("sha256:" + "xa7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 8, "'x' is not a hexadecimal digit")]
    [InlineData("sha256:abc", 11, "expected 64 hexadecimal digits for a sha256 digest, found 3")]
    [InlineData("sha256-AAAA", 12, "expected 44 base64 digits")]
    public void Parse_says_what_is_wrong_with_text_in_no_known_form(string text, int column, string reason)
    {
        Assert.False(Sha256Digest.TryParse(text, out _));
        var error = Assert.Throws<InvalidDigestException>(() => Sha256Digest.Parse(text));
        Assert.Equal(column, error.Column);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Digests_are_values()
    {
        var a = Sha256Digest.FromHex(AbcHex);
        var b = Sha256Digest.ParseSri(AbcSri);
        var other = Sha256Digest.Compute([]);

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.True(a != other);
        Assert.True(a.Equals((object)b));
        Assert.False(a.Equals((object)AbcHex));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, other);
        Assert.Equal(new string('0', 64), default(Sha256Digest).ToHex());
        Assert.Equal(default, Sha256Digest.FromBytes(new byte[32]));
    }

    [Fact]
    public void FromBytes_needs_exactly_32_bytes()
    {
        Assert.Throws<ArgumentException>(() => Sha256Digest.FromBytes(new byte[31]));
        Assert.Throws<ArgumentException>(() => Sha256Digest.FromBytes(new byte[33]));
    }

    [Fact]
    public void Parsing_allocates_nothing_and_formatting_only_the_result()
    {
        ParseAll();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var digest = ParseAll();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        // A string of n characters takes about 20 + 2n bytes; measure each format against that.
        AssertAllocatesOneString(digest.ToHex);
        AssertAllocatesOneString(digest.ToNixBase32);
        AssertAllocatesOneString(digest.ToSri);
        AssertAllocatesOneString(digest.ToPrefixedHex);

        static Sha256Digest ParseAll()
        {
            var parsed = Sha256Digest.TryParseHex(AbcHex, out var fromHex)
                & Sha256Digest.TryParseNixBase32(AbcBase32, out var fromBase32)
                & Sha256Digest.TryParseSri(AbcSri, out var fromSri)
                & Sha256Digest.TryParseUrlFragment("pkg.tar.gz#sha256=" + AbcHex, out var fromFragment);
            Assert.True(parsed && fromHex == fromBase32 && fromBase32 == fromSri && fromSri == fromFragment);
            return fromHex;
        }
    }

    private static void AssertAllocatesOneString(Func<string> format)
    {
        var length = format().Length;
        var before = GC.GetAllocatedBytesForCurrentThread();
        _ = format();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.InRange(allocated, 2 * length, 2 * length + 32);
    }
}
