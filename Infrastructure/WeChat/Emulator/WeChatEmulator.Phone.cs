using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SmartBranch.Infrastructure.WeChat.Emulator;

/// <summary>
/// getuserphonenumber (Infrastructure/WeChat/README.md §6a). The emulator's getPhoneNumber code is
/// <c>phone-&lt;countryCode&gt;-&lt;purePhoneNumber&gt;</c>, e.g. <c>phone-86-13800001111</c>; a code works once, as
/// WeChat's does. The answer carries countryCode as a number, as the official example sends it (a code
/// <c>phonestr-…</c> sends it as a string, the other form the table documents).
/// </summary>
public sealed partial class WeChatEmulator
{
    private const string PhoneApi = "wxa/business/getuserphonenumber";

    private readonly ConcurrentDictionary<string, byte> _usedPhoneCodes = new(StringComparer.Ordinal);

    /// <summary>The code the mini-program's getPhoneNumber button would hand over for this number.</summary>
    public static string PhoneCodeFor(string purePhoneNumber, string countryCode = "86") => $"phone-{countryCode}-{purePhoneNumber}";

    private void MapPhoneRoutes(IEndpointRouteBuilder routes) => routes.MapPost("/wxa/business/getuserphonenumber", GetUserPhoneNumber);

    private async Task<IResult> GetUserPhoneNumber(HttpRequest request)
    {
        if (CheckCall(PhoneApi, request) is { } refused)
        {
            return refused;
        }

        var body = await ReadJsonAsync(request);
        if (body is null)
        {
            return Error(PhoneApi, 47001, "data format error");
        }

        var code = Str(body.RootElement, "code") ?? string.Empty;
        var parts = code.Split('-');
        if (parts.Length != 3 || parts[0] is not ("phone" or "phonestr") || !parts[1].All(char.IsAsciiDigit) || !parts[2].All(char.IsAsciiDigit) || !_usedPhoneCodes.TryAdd(code, 0))
        {
            return Error(PhoneApi, 40029, "invalid code");
        }

        var (countryCode, pure) = (parts[1], parts[2]);
        object country = parts[0] == "phone" ? int.Parse(countryCode, System.Globalization.CultureInfo.InvariantCulture) : countryCode;
        Record(PhoneApi, 0);
        return Results.Json(new
        {
            errcode = 0,
            errmsg = "ok",
            phone_info = new
            {
                phoneNumber = countryCode == "86" ? pure : $"+{countryCode}{pure}",
                purePhoneNumber = pure,
                countryCode = country,
                watermark = new { timestamp = time.GetUtcNow().ToUnixTimeSeconds(), appid = AppId },
            },
        });
    }
}
