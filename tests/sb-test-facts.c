/* sb-test-facts.c: building a base's facts step by step in the rule tests
 */
#include "config.h"

#include "sb-date.h"
#include "sb-test-facts.h"

void
date_set (GDate      *date,
          const char *text)
{
  g_autoptr(GError) error = NULL;

  sb_date_parse (text, date, &error);
  g_assert_no_error (error);
}

void
assert_date (const GDate *date,
             const char  *expected)
{
  g_autofree char *text = NULL;

  if (expected == NULL)
    {
      g_assert_false (g_date_valid (date));
      return;
    }

  g_assert_true (g_date_valid (date));
  text = sb_date_format (date);
  g_assert_cmpstr (text, ==, expected);
}

/* A request with a reason, which every step may carry. */
void
request_init (SbTransitionRequest *request,
              SbAction             action,
              SbRole               role,
              const char          *date)
{
  GDate when;

  date_set (&when, date);
  sb_transition_request_init (request, action, role, &when);
  request->note = "Recorded by the test";
  request->actor = "Test Person";
}

/* Checks @request as if recorded on its own date, then applies it. */
void
take_request (SbBaseFacts               *facts,
              const SbTransitionRequest *request)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = sb_lifecycle_check (facts, request, &request->date, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  sb_lifecycle_apply (facts, request);
}

void
take (SbBaseFacts *facts,
      SbAction     action,
      SbRole       role,
      const char  *date)
{
  SbTransitionRequest request;

  request_init (&request, action, role, date);
  take_request (facts, &request);
}

void
take_months (SbBaseFacts *facts,
             SbAction     action,
             SbRole       role,
             const char  *date,
             int          months)
{
  SbTransitionRequest request;

  request_init (&request, action, role, date);
  request.months = months;
  take_request (facts, &request);
}

void
take_year (SbBaseFacts *facts,
           SbAction     action,
           SbRole       role,
           const char  *date,
           int          year)
{
  SbTransitionRequest request;

  request_init (&request, action, role, date);
  request.year = year;
  take_request (facts, &request);
}
