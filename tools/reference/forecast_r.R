#!/usr/bin/env Rscript
# Reference fixtures for the Prognos forecasting engine, produced with R's
# 'forecast' package (Debian: r-cran-forecast, r-cran-jsonlite).
#
# Usage (from the repository root):
#   Rscript tools/reference/forecast_r.R [output.json]
# Default output: tests/Prognos.Learning.Tests/Fixtures/forecasting/r_forecast.json
#
# For each series the last two seasons (2 * frequency points) are held out as
# the test set; every model is fitted on the training part only, with default
# settings unless stated. See tools/reference/README.md for the schema.

suppressPackageStartupMessages({
  library(forecast)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
out_path <- if (length(args) >= 1) args[1] else
  "tests/Prognos.Learning.Tests/Fixtures/forecasting/r_forecast.json"

set.seed(1)  # nothing below is random, but keep it explicit

series_names <- c("AirPassengers", "co2", "nottem", "USAccDeaths", "UKgas", "ldeaths")

# ---------- helpers ----------------------------------------------------------

num <- function(x) {
  # plain numeric vector, NA/NaN/Inf -> NA (written as null)
  x <- as.numeric(x)
  x[!is.finite(x)] <- NA
  x
}

scalar <- function(x) {
  if (is.null(x) || length(x) == 0) return(NULL)
  x <- as.numeric(x)[1]
  if (!is.finite(x)) NA else x
}

named_obj <- function(x) {
  # named numeric vector -> named list (JSON object), NA -> null
  if (is.null(x) || length(x) == 0) return(structure(list(), names = character(0)))
  out <- lapply(as.numeric(x), function(v) if (is.finite(v)) v else NA)
  names(out) <- names(x)
  out
}

timed <- function(expr) {
  t0 <- proc.time()[["elapsed"]]
  val <- force(expr)
  list(value = val, seconds = round(proc.time()[["elapsed"]] - t0, 3))
}

smape <- function(y, f) mean(200 * abs(y - f) / (abs(y) + abs(f)))

mase <- function(y, f, train, m) {
  scale <- mean(abs(diff(as.numeric(train), lag = m)))
  mean(abs(y - f)) / scale
}

forecast_block <- function(fc, test, train, m) {
  f <- as.numeric(fc$mean)
  lv <- as.character(fc$level)
  col <- function(mat, l) num(mat[, match(l, lv)])
  list(
    point = num(f),
    lower_80 = col(fc$lower, "80"),
    upper_80 = col(fc$upper, "80"),
    lower_95 = col(fc$lower, "95"),
    upper_95 = col(fc$upper, "95"),
    mase = scalar(mase(as.numeric(test), f, train, m)),
    smape = scalar(smape(as.numeric(test), f))
  )
}

ets_record <- function(fit, seconds, test, train, m) {
  h <- length(test)
  fc <- forecast(fit, h = h, level = c(80, 95))
  comp <- fit$components
  c(list(
    model = fit$method,
    error = comp[1],
    trend = comp[2],
    season = comp[3],
    damped = as.logical(comp[4]),
    params = named_obj(fit$par),
    loglik = scalar(fit$loglik),
    aic = scalar(fit$aic),
    aicc = scalar(fit$aicc),
    bic = scalar(fit$bic),
    sigma2 = scalar(fit$sigma2),
    mse = scalar(fit$mse),
    amse = scalar(fit$amse),
    n_params = length(fit$par) + 1L,
    fit_seconds = seconds
  ), forecast_block(fc, test, train, m))
}

arima_record <- function(fit, seconds, test, train, m, transform = "none") {
  h <- length(test)
  fc <- forecast(fit, h = h, level = c(80, 95))
  ord <- arimaorder(fit)
  cf <- coef(fit)
  se <- if (!is.null(fit$var.coef) && length(cf) > 0) sqrt(diag(fit$var.coef)) else numeric(0)
  if (length(se) > 0) names(se) <- names(cf)
  period <- if (!is.na(ord["Frequency"])) ord[["Frequency"]] else frequency(train)
  rec <- list(
    model = as.character(fit),
    p = ord[["p"]], d = ord[["d"]], q = ord[["q"]],
    # seasonal orders get distinct names (not P/D/Q) so case-insensitive
    # JSON readers do not confuse them with p/d/q
    seasonal_p = if (length(ord) >= 6) ord[["P"]] else 0L,
    seasonal_d = if (length(ord) >= 6) ord[["D"]] else 0L,
    seasonal_q = if (length(ord) >= 6) ord[["Q"]] else 0L,
    period = as.integer(period),
    include_drift = "drift" %in% names(cf),
    include_mean = "intercept" %in% names(cf),
    coef = named_obj(cf),
    coef_se = named_obj(se),
    loglik = scalar(fit$loglik),
    aic = scalar(fit$aic),
    aicc = scalar(fit$aicc),
    bic = scalar(fit$bic),
    sigma2 = scalar(fit$sigma2),
    nobs = scalar(fit$nobs),
    fit_seconds = seconds
  )
  if (transform == "log") {
    # model fitted on log(train); forecasts/intervals are on the log scale,
    # test metrics are computed on the original scale after exp().
    fb <- forecast_block(fc, log(test), log(train), m)
    f_orig <- exp(as.numeric(fc$mean))
    fb$mase <- NULL; fb$smape <- NULL
    fb$point_exp <- num(f_orig)
    fb$mase_original_scale <- scalar(mase(as.numeric(test), f_orig, train, m))
    fb$smape_original_scale <- scalar(smape(as.numeric(test), f_orig))
    return(c(rec, fb))
  }
  c(rec, forecast_block(fc, test, train, m))
}

theta_record <- function(x, test, m) {
  h <- length(test)
  tm <- timed(thetaf(x, h = h, level = c(80, 95)))
  fc <- tm$value
  # Re-derive the internal pieces thetaf() uses so a C# port can be checked
  # step by step (same code path as forecast::thetaf 8.x).
  n <- length(x)
  seasonal <- FALSE
  seas_stat <- NA
  if (m > 1 && !is.constant(x) && n > 2 * m) {
    r <- as.numeric(acf(x, lag.max = m, plot = FALSE)$acf)[-1]
    stat <- sqrt((1 + 2 * sum(r[-m]^2)) / n)
    seas_stat <- abs(r[m]) / stat
    seasonal <- seas_stat > qnorm(0.95)
  }
  xa <- x
  seas_idx <- NULL
  if (seasonal) {
    decomp <- decompose(x, type = "multiplicative")
    xa <- seasadj(decomp)
    seas_idx <- num(tail(decomp$seasonal, m))
  }
  s <- ses(xa, h = h)
  c(list(
    model = "Theta",
    seasonal_adjusted = seasonal,
    seasonality_test_stat = scalar(seas_stat),
    seasonality_test_crit = qnorm(0.95),
    seasonal_indices = seas_idx,
    params = list(
      alpha = scalar(fc$model$alpha),
      drift = scalar(fc$model$drift),
      ses_l = scalar(s$model$par["l"])
    ),
    sigma2 = scalar(fc$model$sigma),
    fit_seconds = tm$seconds
  ), forecast_block(fc, test, x, m))
}

split_series <- function(x) {
  m <- frequency(x)
  h <- 2L * m
  n <- length(x)
  train <- subset(x, end = n - h)
  test <- subset(x, start = n - h + 1)
  list(train = train, test = test, h = h, m = m)
}

series_info <- function(train, test) {
  st <- start(train)
  list(
    frequency = as.integer(frequency(train)),
    start_year = as.integer(st[1]),
    start_period = as.integer(st[2]),
    n_train = length(train),
    horizon = length(test),
    train = num(train),
    test = num(test)
  )
}

# ---------- main loop ---------------------------------------------------------

series_out <- list()
for (nm in series_names) {
  x <- get(nm, envir = asNamespace("datasets"))
  sp <- split_series(x)
  train <- sp$train; test <- sp$test; m <- sp$m
  message("== ", nm, " (n_train=", length(train), ", h=", sp$h, ")")

  e <- timed(ets(train))
  a <- timed(auto.arima(train))

  D <- nsdiffs(train)
  xd <- if (D > 0) diff(train, lag = m, differences = D) else train
  diffs <- list(
    ndiffs_kpss = ndiffs(train, test = "kpss"),
    nsdiffs_seas = D,
    nsdiffs_ocsb = nsdiffs(train, test = "ocsb"),
    ndiffs_kpss_after_seasonal = ndiffs(xd, test = "kpss"),
    seasonal_strength = scalar(forecast:::seas.heuristic(train)),
    auto_arima_d = arimaorder(a$value)[["d"]],
    auto_arima_seasonal_d = if (length(arimaorder(a$value)) >= 6) arimaorder(a$value)[["D"]] else 0L
  )

  series_out[[nm]] <- c(
    series_info(train, test),
    list(
      ets = ets_record(e$value, e$seconds, test, train, m),
      auto_arima = c(
        arima_record(a$value, a$seconds, test, train, m),
        list(approximation = (length(train) > 150 || m > 12), stepwise = TRUE)
      ),
      theta = theta_record(train, test, m),
      differencing = diffs
    )
  )
}

# ---------- fixed-specification ETS fits -------------------------------------

fixed_specs <- list(
  list(series = "AirPassengers", key = "ANN", model = "ANN", damped = FALSE),
  list(series = "AirPassengers", key = "AAN", model = "AAN", damped = FALSE),
  list(series = "AirPassengers", key = "AAdN", model = "AAN", damped = TRUE),
  list(series = "AirPassengers", key = "MAM", model = "MAM", damped = FALSE),
  list(series = "AirPassengers", key = "MAdM", model = "MAM", damped = TRUE),
  list(series = "AirPassengers", key = "AAA", model = "AAA", damped = FALSE),
  list(series = "AirPassengers", key = "MNM", model = "MNM", damped = FALSE),
  list(series = "UKgas", key = "MAM", model = "MAM", damped = FALSE),
  list(series = "nottem", key = "ANA", model = "ANA", damped = FALSE)
)
ets_fixed <- list()
for (spec in fixed_specs) {
  sp <- split_series(get(spec$series, envir = asNamespace("datasets")))
  message("== ets fixed ", spec$series, " ", spec$key)
  f <- timed(ets(sp$train, model = spec$model, damped = spec$damped))
  rec <- c(list(spec = spec$model, damped_arg = spec$damped),
           ets_record(f$value, f$seconds, sp$test, sp$train, sp$m))
  if (is.null(ets_fixed[[spec$series]])) ets_fixed[[spec$series]] <- list()
  ets_fixed[[spec$series]][[spec$key]] <- rec
}

# ---------- fixed-order ARIMA fits --------------------------------------------

ap <- split_series(AirPassengers)
arima_fixed <- list()
message("== Arima airline model on log AirPassengers")
f <- timed(Arima(log(ap$train), order = c(0, 1, 1), seasonal = c(0, 1, 1)))
arima_fixed[["AirPassengers_log_011_011"]] <- c(
  list(series = "AirPassengers", transform = "log",
       call = "Arima(log(train), order=c(0,1,1), seasonal=c(0,1,1))"),
  arima_record(f$value, f$seconds, ap$test, ap$train, ap$m, transform = "log"))

message("== Arima(1,1,0) with drift on AirPassengers")
f <- timed(Arima(ap$train, order = c(1, 1, 0), include.drift = TRUE))
arima_fixed[["AirPassengers_110_drift"]] <- c(
  list(series = "AirPassengers", transform = "none",
       call = "Arima(train, order=c(1,1,0), include.drift=TRUE)"),
  arima_record(f$value, f$seconds, ap$test, ap$train, ap$m))

message("== Arima(2,0,0) with mean on nottem")
nt <- split_series(nottem)
f <- timed(Arima(nt$train, order = c(2, 0, 0), seasonal = c(1, 0, 0), include.mean = TRUE))
arima_fixed[["nottem_200_100_mean"]] <- c(
  list(series = "nottem", transform = "none",
       call = "Arima(train, order=c(2,0,0), seasonal=c(1,0,0), include.mean=TRUE)"),
  arima_record(f$value, f$seconds, nt$test, nt$train, nt$m))

# ---------- write ---------------------------------------------------------------

out <- list(
  schema_version = 1L,
  generator = "tools/reference/forecast_r.R",
  generated_utc = format(Sys.time(), "%Y-%m-%dT%H:%M:%SZ", tz = "UTC"),
  r_version = paste(R.version$major, R.version$minor, sep = "."),
  forecast_version = as.character(packageVersion("forecast")),
  jsonlite_version = as.character(packageVersion("jsonlite")),
  platform = R.version$platform,
  notes = paste(
    "Test = last 2*frequency points; models fitted on train with default settings.",
    "MASE scale = mean(|y_t - y_{t-m}|) over train (seasonal naive, m = frequency).",
    "sMAPE = mean(200*|y-f|/(|y|+|f|)).",
    "ets: loglik = -0.5*lik as reported by forecast; n_params = length(params)+1 (used in AIC); sigma2 = sum(residuals^2)/(n_train - length(params)), residuals multiplicative (relative) for error M.",
    "Intervals are those of forecast() at level=c(80,95)."
  ),
  series = series_out,
  ets_fixed = ets_fixed,
  arima_fixed = arima_fixed
)

dir.create(dirname(out_path), recursive = TRUE, showWarnings = FALSE)
json <- toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", null = "null",
               pretty = TRUE)
writeLines(json, out_path)
message("wrote ", out_path)
