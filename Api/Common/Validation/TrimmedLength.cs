using FluentValidation.Validators;

namespace SmartBranch.Api.Common.Validation;

/// <summary>
/// At most <c>max</c> characters once surrounding white space is trimmed (a title). A length validator, so the
/// OpenAPI document publishes the limit as <c>maxLength</c> like any <c>MaximumLength</c> rule.
/// </summary>
public sealed class TrimmedMaximumLengthValidator<T>(int max) : PropertyValidator<T, string?>, ILengthValidator
{
    public override string Name => "TrimmedMaximumLengthValidator";

    public int Min => 0;

    public int Max => max;

    public override bool IsValid(ValidationContext<T> context, string? value) => value is null || value.Trim().Length <= max;
}

public static class TrimmedLengthRules
{
    /// <summary>At most <paramref name="max"/> characters after trimming; the message is the rule's own (WithMessage).</summary>
    public static IRuleBuilderOptions<T, string> TrimmedMaximumLength<T>(this IRuleBuilder<T, string> rule, int max) =>
        rule.SetValidator(new TrimmedMaximumLengthValidator<T>(max));
}
