global using FluentValidation;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Options;
global using SmartBranch.Api.Common;
global using SmartBranch.Api.Common.Auth;
global using SmartBranch.Api.Common.Validation;
global using SmartBranch.Infrastructure.Persistence;
