using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SmartBranch.Api.Tests.Features.Activities;
using SmartBranch.Api.Tests.Features.Brand;
using SmartBranch.Api.Tests.Features.Meetings;
using SmartBranch.Api.Tests.Features.Notices;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>
/// The guard for the whole kind "a server error on bad input": walks the app's own OpenAPI document and, for
/// every operation, sends malformed input (empty object, nulls, wrong types, huge strings, nested nulls in
/// arrays, out-of-range numbers, enums and dates, broken multipart, odd route and query values) as a plain
/// member and as a secretary, with the ids of real rows in the path. Every answer must be below 500, and
/// every error must be a ProblemDetails (application/problem+json), except the HTML pages outside /api/. Every
/// status must be one the operation documents (a request whose path does not fit the route's constraints reaches
/// no operation and is exempt), and each operation is also called without signing in.
/// </summary>
public sealed class MalformedInputTests : FunctionalTest
{
    private static readonly string Huge = new('测', 100_000);

    private const string WeChatPayNotifyPath = "/api/dues/wechatpay/notify";

    private static readonly string[] RawJsonBodies = ["{}", "null", "[]", "\"text\"", "12345", "{\"title\":", "[null]", "{\"\":null}"];

    [Test]
    public async Task AnswersEveryMalformedRequestWithProblem_AndNeverAServerError()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 2, members: 3);
        var member = await App.SignInAsync(org.A.Members[0]);
        using var anonymous = App.CreateClient();
        var ids = await SeedRowsAsync(org, secretary);
        var document = JsonNode.Parse(await secretary.GetStringAsync("/swagger/v1/swagger.json"))!;
        var fuzzer = new Fuzzer(document, ids);

        var requests = fuzzer.Requests().ToList();
        var failures = new ConcurrentBag<string>();
        var answered = new ConcurrentDictionary<int, int>();
        await Parallel.ForEachAsync(
            requests.SelectMany(r => r.Anonymous
                ? new[] { (Caller: "anonymous", Client: anonymous, Request: r) }
                : new[] { (Caller: "member", Client: member, Request: r), (Caller: "secretary", Client: secretary, Request: r) }),
            new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (item, cancellationToken) =>
            {
                using var message = item.Request.ToMessage();
                using var response = await item.Client.SendAsync(message, cancellationToken);
                var status = (int)response.StatusCode;
                answered.AddOrUpdate(status / 100, 1, (_, n) => n + 1);
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                // Outside /api/ are pages for people (a letter's verification page): they may answer errors in HTML.
                var page = !item.Request.Path.StartsWith("/api/", StringComparison.Ordinal) && mediaType == "text/html";
                // WeChat Pay's notification endpoint answers in WeChat Pay's own format ({"code":"FAIL","message":…}),
                // which is what its caller reads (Infrastructure/WeChatPay/README.md); it still must never answer 5xx.
                var payCallback = item.Request.Path == WeChatPayNotifyPath && mediaType == "application/json";
                if (status >= 500 || (status >= 400 && mediaType != "application/problem+json" && !page && !payCallback))
                {
                    var body = await response.Content.ReadAsStringAsync(cancellationToken);
                    failures.Add($"{status} {mediaType ?? "(no body)"} as {item.Caller}: {item.Request.Describe()} → {body[..Math.Min(body.Length, 300)]}");
                }
                else if (!item.Request.OffRoute && !item.Request.Documented.Contains(status))
                {
                    failures.Add($"{status} undocumented as {item.Caller}: {item.Request.Describe()}");
                }
            });

        var summary = string.Join(", ", answered.OrderBy(a => a.Key).Select(a => $"{a.Key}xx: {a.Value}"));
        TestContext.Out.WriteLine($"{requests.Count * 2} requests over {fuzzer.Operations} operations; {summary}");
        Assert.That(failures.OrderBy(f => f), Is.Empty, $"{failures.Count} bad answers:\n{string.Join("\n", failures.OrderBy(f => f).Take(200))}");

        // The run covered the API: every operation was walked, and both callers were still signed in at the end.
        Assert.That(fuzzer.Operations, Is.GreaterThan(60));
        Assert.That((await member.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await secretary.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>One row of each kind the routes address, so a malformed request reaches the handler, not a 404.</summary>
    private async Task<Dictionary<string, string>> SeedRowsAsync(SeededOrg org, HttpClient secretary)
    {
        var now = DateTimeOffset.UtcNow;
        var notice = await secretary.PostNoticeAsync(NoticeTestApi.Request(unitIds: [org.A.Id]));
        var activity = await ActivityApi.CreateAsync(secretary, org.A.Id, now);
        var meeting = (await MeetingApi.ScheduleAsync(secretary, "BranchGeneralMeeting", org.A.Id, now.AddDays(3))).GetProperty("id").GetInt32();
        var image = await secretary.UploadImageAsync();
        var story = (await secretary.PostStoryAsync(BrandTestApi.Story(imageIds: [image], unitId: org.A.Id))).GetProperty("id").GetInt32();
        var appointment = await App.WithDbAsync(db => db.Appointments.Where(a => a.MemberId == org.A.Secretary.Id).Select(a => a.Id).FirstAsync());

        // The id that follows each path segment; members are a bystander, never one of the two callers.
        return new Dictionary<string, string>
        {
            ["notices"] = $"{notice}",
            ["activities"] = $"{activity}",
            ["meetings"] = $"{meeting}",
            ["stories"] = $"{story}",
            ["media"] = $"{image}",
            ["units"] = $"{org.A.Id}",
            ["members"] = $"{org.A.Members[2].Id}",
            ["appointments"] = $"{appointment}",
            ["type"] = "BranchGeneralMeeting",
            ["unitId"] = $"{org.A.Id}",
            ["memberId"] = $"{org.A.Members[2].Id}",
        };
    }

    /// <summary>A request to send (twice: once per caller).</summary>
    private sealed record Probe(string Method, string Path, string What, Func<HttpContent?> Content)
    {
        /// <summary>The statuses the operation documents.</summary>
        public IReadOnlySet<int> Documented { get; init; } = new HashSet<int>();

        /// <summary>A path value the route's constraint refuses: routing answers (404/405), not the operation.</summary>
        public bool OffRoute { get; init; }

        /// <summary>Sent once, without a token.</summary>
        public bool Anonymous { get; init; }

        public HttpRequestMessage ToMessage() => new(new HttpMethod(Method), Path) { Content = Content() };

        public string Describe() => $"{Method} {(Path.Length > 120 ? Path[..120] + "…" : Path)} [{What}]";
    }

    private sealed class Fuzzer(JsonNode document, IReadOnlyDictionary<string, string> ids)
    {
        public int Operations { get; private set; }

        public IEnumerable<Probe> Requests()
        {
            foreach (var (template, pathItem) in document["paths"]!.AsObject())
            {
                foreach (var (method, operationNode) in pathItem!.AsObject())
                {
                    var verb = method.ToUpperInvariant();
                    if (operationNode is not JsonObject operation || verb is not ("GET" or "POST" or "PUT" or "PATCH" or "DELETE")
                        || template == "/api/auth/logout")
                    {
                        continue;
                    }

                    Operations++;
                    var documented = (operation["responses"] as JsonObject ?? []).Select(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
                    var parameters = (operation["parameters"] as JsonArray ?? []).OfType<JsonObject>().ToList();
                    var path = FillPath(template, parameters, null, null);
                    yield return new Probe(verb, path, "anonymous", () => EmptyJsonFor(verb)) { Documented = documented, Anonymous = true };
                    foreach (var probe in PathAndQueryProbes(verb, template, parameters))
                    {
                        yield return probe with { Documented = documented };
                    }

                    var content = operation["requestBody"]?["content"] as JsonObject;
                    if (content?["application/json"]?["schema"] is { } schema)
                    {
                        foreach (var probe in JsonProbes(verb, path, Resolve(schema)))
                        {
                            yield return probe with { Documented = documented };
                        }

                        yield return new Probe(verb, path, "text/plain body", () => new StringContent("hello", Encoding.UTF8, "text/plain")) { Documented = documented };
                    }

                    if (content?["multipart/form-data"] is not null || operation["requestBody"] is null && verb is "POST" or "PUT")
                    {
                        foreach (var probe in MultipartProbes(verb, path))
                        {
                            yield return probe with { Documented = documented };
                        }
                    }
                }
            }
        }

        private string FillPath(string template, List<JsonObject> parameters, string? oddName, string? oddValue)
        {
            var segments = template.Split('/');
            for (var i = 0; i < segments.Length; i++)
            {
                if (segments[i] is ['{', .., '}'])
                {
                    var name = segments[i][1..^1];
                    var value = name == oddName ? oddValue! : ids.GetValueOrDefault(name) ?? (i > 0 ? ids.GetValueOrDefault(segments[i - 1]) : null) ?? "1";
                    segments[i] = Uri.EscapeDataString(value);
                }
            }

            var path = string.Join('/', segments);
            var query = parameters.Where(p => (string?)p["in"] == "query" && (bool?)p["required"] == true)
                .Select(p => $"{p["name"]}={Uri.EscapeDataString(ValidText(Resolve(p["schema"])))}");
            return query.Any() ? $"{path}?{string.Join('&', query)}" : path;
        }

        private IEnumerable<Probe> PathAndQueryProbes(string verb, string template, List<JsonObject> parameters)
        {
            string[] odd = ["0", "-1", "2147483648", "999", "abc", "0001-01-01", "9999-12-31", "\0", new string('9', 4000)];
            foreach (var parameter in parameters)
            {
                var name = (string)parameter["name"]!;
                var location = (string?)parameter["in"];
                foreach (var value in odd)
                {
                    // A NUL in the path never reaches the app (Kestrel refuses it: KestrelRejectionTests); the test host cannot send it.
                    if (location == "path" && value != "\0")
                    {
                        yield return new Probe(verb, FillPath(template, parameters, name, value), $"path {name}={Short(value)}", () => EmptyJsonFor(verb))
                        {
                            OffRoute = !FitsRoute(Resolve(parameter["schema"]), value),
                        };
                    }
                    else if (location == "query")
                    {
                        var path = FillPath(template, parameters, null, null);
                        var separator = path.Contains('?') ? '&' : '?';
                        yield return new Probe(verb, $"{path}{separator}{name}={Uri.EscapeDataString(value)}", $"query {name}={Short(value)}", () => EmptyJsonFor(verb));
                    }
                }
            }
        }

        /// <summary>Whether a path value passes the route constraint the parameter's schema stands for ({id:int}, {id:guid}).</summary>
        private static bool FitsRoute(JsonNode schema, string value) => (TypeOf(schema), (string?)schema["format"]) switch
        {
            ("integer", _) => int.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _),
            ("string", "uuid") => Guid.TryParse(value, out _),
            _ => true,
        };

        private static HttpContent? EmptyJsonFor(string verb) =>
            verb is "POST" or "PUT" or "PATCH" ? new StringContent("{}", Encoding.UTF8, "application/json") : null;

        private IEnumerable<Probe> JsonProbes(string verb, string path, JsonNode schema)
        {
            foreach (var raw in RawJsonBodies)
            {
                yield return Json(verb, path, $"body {raw}", raw);
            }

            yield return Json(verb, path, "no body", string.Empty);
            var baseline = Valid(schema, null);
            yield return Json(verb, path, "plausible body", baseline?.ToJsonString() ?? "null");
            if (baseline is not JsonObject valid || Properties(schema) is not { } properties)
            {
                yield break;
            }

            var allNull = new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)null)));
            yield return Json(verb, path, "every property null", allNull.ToJsonString());
            foreach (var (name, propertySchema) in properties)
            {
                foreach (var (what, bad) in BadValues(Resolve(propertySchema!), name))
                {
                    var body = (JsonObject)valid.DeepClone();
                    body[name] = bad;
                    yield return Json(verb, path, $"{name} {what}", body.ToJsonString());
                }
            }
        }

        private static Probe Json(string verb, string path, string what, string json) =>
            new(verb, path, what, () => new StringContent(json, Encoding.UTF8, "application/json"));

        private static IEnumerable<Probe> MultipartProbes(string verb, string path)
        {
            HttpContent Raw(string body, string contentType)
            {
                var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                return content;
            }

            HttpContent Form(byte[]? file, string? visibility)
            {
                var form = new MultipartFormDataContent();
                if (file is not null)
                {
                    var part = new ByteArrayContent(file);
                    part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
                    form.Add(part, "file", "photo.png");
                }

                if (visibility is not null)
                {
                    form.Add(new StringContent(visibility), "visibility");
                }

                return form;
            }

            yield return new Probe(verb, path, "multipart boundary=nope, JSON body", () => Raw("{\"a\":1}", "multipart/form-data; boundary=nope"));
            yield return new Probe(verb, path, "multipart without boundary", () => Raw("--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc\r\n--x--\r\n", "multipart/form-data"));
            yield return new Probe(verb, path, "multipart empty boundary", () => Raw("abc", "multipart/form-data; boundary="));
            yield return new Probe(verb, path, "multipart cut short", () => Raw("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n\u0089PNG", "multipart/form-data; boundary=b"));
            yield return new Probe(verb, path, "multipart bad part headers", () => Raw("--b\r\nno headers here\r\n--b--\r\n", "multipart/form-data; boundary=b"));
            yield return new Probe(verb, path, "text/plain body", () => Raw("hello", "text/plain"));
            yield return new Probe(verb, path, "form without file", () => Form(null, "Public"));
            yield return new Probe(verb, path, "empty file", () => Form([], "Public"));
            yield return new Probe(verb, path, "garbage file", () => Form(Encoding.UTF8.GetBytes("=HYPERLINK(\"x\")\0\0"), "Internal"));
            yield return new Probe(verb, path, "image without visibility", () => Form(BrandTestApi.Png, null));
            yield return new Probe(verb, path, "image visibility 999", () => Form(BrandTestApi.Png, "999"));
            yield return new Probe(verb, path, "image visibility -1", () => Form(BrandTestApi.Png, "-1"));
        }

        private IEnumerable<(string What, JsonNode? Value)> BadValues(JsonNode schema, string name)
        {
            yield return ("null", null);
            var type = TypeOf(schema);
            if (schema["enum"] is JsonArray)
            {
                yield return ("enum 999", 999);
                yield return ("enum -1", -1);
                yield return ("enum \"999\"", "999");
                yield return ("enum unknown", "NoSuchValue");
                yield break;
            }

            switch (type)
            {
                case "string" when (string?)schema["format"] is "date" or "date-time":
                    yield return ("year 0001", (string?)schema["format"] == "date" ? "0001-01-01" : "0001-01-01T00:00:00+00:00");
                    yield return ("year 9999", (string?)schema["format"] == "date" ? "9999-12-31" : "9999-12-31T23:59:59+00:00");
                    yield return ("year 9999 with offset", "9999-12-31T23:59:59-14:00");
                    yield return ("not a date", "2026-13-45");
                    yield return ("wrong type", 12345);
                    break;
                case "string":
                    yield return ("huge", Huge);
                    yield return ("wrong type", 12345);
                    yield return ("object", new JsonObject { ["x"] = null });
                    yield return ("control characters", "\0\u0001\u202e");
                    break;
                case "integer" or "number":
                    yield return ("overflow", JsonNode.Parse("2147483648"));
                    yield return ("negative", -1);
                    yield return ("zero", 0);
                    yield return ("huge", JsonNode.Parse("1e308"));
                    yield return ("wrong type", "abc");
                    break;
                case "boolean":
                    yield return ("wrong type", "yes");
                    yield return ("number", 1);
                    break;
                case "array":
                    yield return ("nested null", new JsonArray((JsonNode?)null));
                    yield return ("nested nulls", new JsonArray(null, null));
                    yield return ("object", new JsonObject());
                    var items = schema["items"] is { } itemSchema ? Resolve(itemSchema) : null;
                    if (items is not null && Properties(items) is { } itemProperties)
                    {
                        yield return ("item empty object", new JsonArray(new JsonObject()));
                        yield return ("item all null", new JsonArray(new JsonObject(itemProperties.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)null)))));
                    }
                    else if (items is not null)
                    {
                        foreach (var (what, bad) in BadValues(items, name).Where(b => b.What is not "null").Take(3))
                        {
                            yield return ($"item {what}", new JsonArray(bad));
                        }
                    }

                    yield return ("many items", new JsonArray(Enumerable.Range(0, 5000).Select(i => (JsonNode?)i).ToArray()));
                    break;
                case "object":
                    yield return ("empty object", new JsonObject());
                    yield return ("wrong type", "text");
                    if (Properties(schema) is { } nested)
                    {
                        yield return ("nested nulls", new JsonObject(nested.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)null))));
                        foreach (var (inner, innerSchema) in nested)
                        {
                            foreach (var (what, bad) in BadValues(Resolve(innerSchema!), inner).Where(b => b.What is not "null").Take(4))
                            {
                                var value = (JsonObject)Valid(schema, name)!;
                                value[inner] = bad;
                                yield return ($"{inner} {what}", value);
                            }
                        }
                    }

                    break;
            }
        }

        /// <summary>A value the schema would accept, with real ids where the name asks for one.</summary>
        private JsonNode? Valid(JsonNode schema, string? name)
        {
            if (schema["enum"] is JsonArray values && values.Count > 0)
            {
                return values.FirstOrDefault(v => v is not null)?.DeepClone();
            }

            var lower = name?.ToLowerInvariant() ?? string.Empty;
            return TypeOf(schema) switch
            {
                "object" => new JsonObject((Properties(schema) ?? []).Select(p => KeyValuePair.Create(p.Key, Valid(Resolve(p.Value!), p.Key)))),
                "array" => lower.EndsWith("ids", StringComparison.Ordinal) && lower.StartsWith("unit", StringComparison.Ordinal) ? new JsonArray(int.Parse(ids["units"]))
                    : lower.EndsWith("ids", StringComparison.Ordinal) && lower.StartsWith("member", StringComparison.Ordinal) ? new JsonArray(int.Parse(ids["members"]))
                    : new JsonArray(),
                "integer" or "number" => lower.Contains("unit") || lower.Contains("branch") ? int.Parse(ids["units"])
                    : lower.EndsWith("id", StringComparison.Ordinal) ? int.Parse(ids["members"])
                    : 1,
                "boolean" => true,
                "string" => ValidText(schema),
                _ => null,
            };
        }

        private static string ValidText(JsonNode schema) => (string?)schema["format"] switch
        {
            "date" => "2026-12-10",
            "date-time" => "2026-12-10T09:00:00+08:00",
            "uuid" => Guid.NewGuid().ToString(),
            _ => schema["enum"] is JsonArray values && values.Count > 0 ? (string?)values[0] ?? "测试" : "测试",
        };

        private static string Short(string value) => value.Length > 12 ? $"{value[..12]}…({value.Length})" : value.Replace("\0", "\\0");

        private JsonObject? Properties(JsonNode schema) => Resolve(schema)["properties"] as JsonObject;

        /// <summary>Follows <c>$ref</c>, and takes the non-null branch of a nullable <c>oneOf</c>/<c>anyOf</c>/<c>allOf</c>.</summary>
        private JsonNode Resolve(JsonNode? schema)
        {
            for (var depth = 0; schema is not null && depth < 10; depth++)
            {
                if ((string?)schema["$ref"] is { } reference)
                {
                    schema = document["components"]!["schemas"]![reference.Split('/')[^1]];
                    continue;
                }

                var branch = new[] { "oneOf", "anyOf", "allOf" }.Select(k => schema[k] as JsonArray).FirstOrDefault(a => a is not null);
                if (branch is not null && schema["properties"] is null && schema["type"] is null)
                {
                    schema = branch.OfType<JsonNode>().FirstOrDefault(s => TypeOf(s) != "null") ?? branch[0];
                    continue;
                }

                return schema;
            }

            return schema ?? new JsonObject();
        }

        private static string? TypeOf(JsonNode schema) => schema["type"] switch
        {
            JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
            JsonValue type => (string?)type,
            _ => schema["properties"] is not null ? "object" : null,
        };
    }
}
