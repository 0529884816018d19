/* sb-test-facts.h: building a base's facts step by step in the rule tests
 *
 * Each step is checked against the rules as if recorded on its own date,
 * and must be accepted.
 */
#pragma once

#include "sb-lifecycle.h"

G_BEGIN_DECLS

void date_set     (GDate                     *date,
                   const char                *text);
void assert_date  (const GDate               *date,
                   const char                *expected);
void request_init (SbTransitionRequest       *request,
                   SbAction                   action,
                   SbRole                     role,
                   const char                *date);
void take_request (SbBaseFacts               *facts,
                   const SbTransitionRequest *request);
void take         (SbBaseFacts               *facts,
                   SbAction                   action,
                   SbRole                     role,
                   const char                *date);
void take_months  (SbBaseFacts               *facts,
                   SbAction                   action,
                   SbRole                     role,
                   const char                *date,
                   int                        months);
void take_year    (SbBaseFacts               *facts,
                   SbAction                   action,
                   SbRole                     role,
                   const char                *date,
                   int                        year);

G_END_DECLS
