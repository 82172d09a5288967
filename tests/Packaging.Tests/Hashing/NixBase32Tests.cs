using Req2Nix.Packaging.Hashing;

namespace Req2Nix.Packaging.Tests.Hashing;

public class NixBase32Tests
{
    [Theory]
    [InlineData(16, 26)] // md5
    [InlineData(20, 32)] // sha1, store path hashes
    [InlineData(32, 52)] // sha256
    [InlineData(64, 103)] // sha512
    public void Encoded_lengths_match_Nix(int bytes, int digits)
    {
        Assert.Equal(digits, NixBase32.EncodedLength(bytes));
    }

    [Fact]
    public void Other_sizes_round_trip()
    {
        var random = new Random(7);
        foreach (var size in new[] { 1, 5, 16, 20, 64 })
        {
            var bytes = new byte[size];
            random.NextBytes(bytes);
            var text = NixBase32.Encode(bytes);
            var decoded = new byte[size];

            Assert.Equal(NixBase32.EncodedLength(size), text.Length);
            Assert.True(NixBase32.TryDecode(text, decoded, out var errorIndex));
            Assert.Equal(-1, errorIndex);
            Assert.Equal(bytes, decoded);
        }
    }

    [Fact]
    public void The_md5_of_the_empty_string_matches_nix_hash()
    {
        // nix-hash --type md5 --to-base32 d41d8cd98f00b204e9800998ecf8427e
        Assert.Equal("3y8bwfr609h3lh9ch0izcqq7fl", NixBase32.Encode(Convert.FromHexString("d41d8cd98f00b204e9800998ecf8427e")));
    }

    [Fact]
    public void A_destination_of_the_wrong_size_is_refused()
    {
        Assert.Throws<ArgumentException>(() => NixBase32.Encode(new byte[32], new char[51]));
        Assert.False(NixBase32.TryDecode("00", new byte[32], out var errorIndex));
        Assert.Equal(2, errorIndex);
        Assert.Throws<ArgumentOutOfRangeException>(() => NixBase32.EncodedLength(0));
    }
}
