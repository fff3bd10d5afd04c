using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;

namespace SmartBranch.Api.Common.Privacy;

/// <summary>
/// Phone numbers of members: encrypted at rest with ASP.NET Core Data Protection (the key ring is shared
/// by every instance), shown in full to the committee only and masked (138****0000) to everyone else.
/// Every write of <c>Member.Phone</c> goes through <see cref="Protect"/>.
/// </summary>
public sealed partial class PhoneNumbers(IDataProtectionProvider provider, ILogger<PhoneNumbers> logger)
{
    /// <summary>Data Protection purpose; changing it makes every stored phone unreadable.</summary>
    public const string Purpose = "SmartBranch.Member.Phone";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    /// <summary>The value to store for a (normalised) phone number; null stays null.</summary>
    public string? Protect(string? phone) => string.IsNullOrEmpty(phone) ? null : _protector.Protect(phone);

    /// <summary>The phone number behind a stored value; null when there is none or it cannot be decrypted (lost key).</summary>
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
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            logger.LogWarning(ex, "A stored phone number could not be decrypted (key ring changed?)");
            return null;
        }
    }

    /// <summary>138****0000: the first three and last four digits.</summary>
    public static string? Mask(string? phone) => phone switch
    {
        null or "" => null,
        { Length: >= 7 } => string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(phone.Length - 4)),
        _ => "****",
    };

    /// <summary>Removes spaces, dashes and a +86 prefix, as people type and Excel keeps them.</summary>
    public static string Normalize(string? input)
    {
        var value = (input ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Trim();
        return value.StartsWith("+86", StringComparison.Ordinal) ? value[3..] : value;
    }

    /// <summary>A mainland mobile number: 11 digits starting with 13–19.</summary>
    public static bool IsValid(string phone) => MobilePattern().IsMatch(phone);

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();
}
