/* sb-base-private.h: the fields of SbBase, for the store that fills them
 */
#pragma once

#include "sb-base.h"

G_BEGIN_DECLS

struct _SbBase
{
  GObject      parent_instance;

  gint64       id;
  char        *short_name;
  char        *short_name_en;
  char        *domain_code;
  char        *domain_name_zh;
  char        *domain_name_en;
  char        *city_code;
  char        *city_name_zh;
  char        *city_name_en;
  char        *lead_unit;
  char        *lead_unit_credit_code;
  char        *recommender;
  char       **tags;          /* six-new tag codes */
  char        *co_applicants; /* names, joined with 、 */
  char        *search_text;   /* case-folded names, built on first search */
  SbBaseFacts  facts;

  /* Judged when the store read the base, so summaries need not compute
   * every base's deadlines a second time. */
  GDate        judged_on;
  int          deadline_counts[SB_DEADLINE_STATUS_UNKNOWN + 1];

  gboolean     has_next_deadline;
  SbDeadline   next_deadline;   /* problem is owned */
};

G_END_DECLS
