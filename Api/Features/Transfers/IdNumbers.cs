using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace SmartBranch.Api.Features.Transfers;

/// <summary>
/// Resident ID numbers (居民身份证号) on letters: encrypted at rest with Data Protection, masked
/// (110101********1234) in every view; only the printed letter shows them in full.
/// </summary>
public sealed class IdNumbers(IDataProtectionProvider provider, ILogger<IdNumbers> logger)
{
    /// <summary>Data Protection purpose; changing it makes every stored ID number unreadable.</summary>
    public const string Purpose = "SmartBranch.Transfer.IdNumber";

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckDigits = "10X98765432";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string idNumber) => _protector.Protect(idNumber);

    public string? Reveal(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(stored);
        }
        catch (CryptographicException ex)
        {
            logger.LogWarning(ex, "A stored ID number could not be decrypted (key ring changed?)");
            return null;
        }
    }

    /// <summary>The first six and last four characters: 110101********1234.</summary>
    public static string? Mask(string? id) => id is { Length: 18 } ? string.Concat(id.AsSpan(0, 6), "********", id.AsSpan(14)) : id is null ? null : "****";

    /// <summary>An 18-character resident ID number whose check character is right (GB 11643-1999).</summary>
    public static bool IsValid(string? id)
    {
        if (id is not { Length: 18 } || !id[..17].All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (id[i] - '0') * Weights[i];
        }

        return char.ToUpperInvariant(id[17]) == CheckDigits[sum % 11];
    }
}
