using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TrialAccess.Web.Hosting;

/// <summary>A page whose form errors are shown beside the fields, by field name.</summary>
public interface IFormErrors
{
    /// <summary>Errors by field (lower-case form name, as the pages key them).</summary>
    Dictionary<string, string> Errors { get; }
}

/// <summary>
/// Form values are validated like API values: a value that does not bind (<c>RecruitingOnly=yes</c>, <c>Top=ten</c>)
/// is a 400 with a message naming the field, and the handler does not run. The attempted values are dropped from the
/// model state so that no tag helper re-reads them while the page renders (the checkbox helper throws on a value
/// that is not a boolean, and its message quotes the value).
/// </summary>
internal sealed class FormBindingFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var state = context.ModelState;
        if (state.IsValid || context.HandlerInstance is not PageModel page)
        {
            return;
        }

        // Values that were sent but could not be converted; a value left out is the handler's to judge.
        var invalid = state.Where(entry => entry.Value is { Errors.Count: > 0, AttemptedValue: not null }).Select(entry => entry.Key).ToList();
        if (invalid.Count == 0)
        {
            return;
        }

        foreach (var key in invalid)
        {
            state.Remove(key);
        }

        if (page is IFormErrors form)
        {
            foreach (var key in invalid)
            {
                var property = page.GetType().GetProperty(key.Split('.', '[')[0]);
                var field = property?.Name ?? key;
                var expected = property?.PropertyType switch
                {
                    { } t when t == typeof(bool) => "must be true or false",
                    { } t when t == typeof(int) || t == typeof(int?) => "must be a whole number",
                    _ => "has a value that cannot be read",
                };
                form.Errors[field.ToLowerInvariant()] = $"{field} {expected}.";
            }
        }

        context.HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Result = new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
