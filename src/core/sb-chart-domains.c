/* sb-chart-domains.c: bases per domain, by phase
 *
 * One horizontal bar per domain, in the order of the reference data,
 * stacked by the phases a base goes through.  Applications that were not
 * approved are left out: they never became bases, and the chart shows the
 * programme's bases.
 */
#define G_LOG_DOMAIN "sb-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-chart-domains.h"
#include "sb-chart-private.h"
#include "sb-statistics.h"

static const struct
{
  SbPhase      phase;
  SbChartColor color;
} phases[] = {
  { SB_PHASE_APPLYING, SB_CHART_COLOR_BLUE },
  { SB_PHASE_PREPARING, SB_CHART_COLOR_YELLOW },
  { SB_PHASE_CONSTRUCTING, SB_CHART_COLOR_ORANGE },
  { SB_PHASE_ESTABLISHED, SB_CHART_COLOR_GREEN },
  { SB_PHASE_REVOKED, SB_CHART_COLOR_GREY },
};

static const char *
pick_name (const SbReference *reference,
           gboolean           chinese)
{
  const char *first = chinese ? reference->name_zh : reference->name_en;
  const char *second = chinese ? reference->name_en : reference->name_zh;

  if (first != NULL && *first != '\0')
    return first;
  if (second != NULL && *second != '\0')
    return second;
  return reference->code;
}

SbChartData *
sb_chart_phases_new (GPtrArray  *group_summaries,
                     gboolean    chinese,
                     const char *title)
{
  SbChartData *data;

  g_return_val_if_fail (group_summaries != NULL, NULL);

  data = sb_chart_data_new (SB_CHART_KIND_HORIZONTAL_BARS, group_summaries->len,
                            G_N_ELEMENTS (phases));
  sb_chart_data_set_title (data, title);
  sb_chart_data_set_value_label (data, _("Number of bases"));

  for (guint j = 0; j < G_N_ELEMENTS (phases); j++)
    sb_chart_data_set_series (data, j, sb_phase_get_label (phases[j].phase), phases[j].color);

  for (guint i = 0; i < group_summaries->len; i++)
    {
      const SbGroupSummary *summary = g_ptr_array_index (group_summaries, i);

      sb_chart_data_set_category (data, i, pick_name (&summary->reference, chinese));
      for (guint j = 0; j < G_N_ELEMENTS (phases); j++)
        sb_chart_data_set_value (data, i, j, MAX (summary->by_phase[phases[j].phase], 0));
    }

  return data;
}

/**
 * sb_chart_domains_new:
 * @domain_summaries: (element-type SbGroupSummary): one per domain
 * @chinese: whether to name the domains in Chinese
 *
 * Returns: (transfer full): bases per domain, stacked by phase
 */
SbChartData *
sb_chart_domains_new (GPtrArray *domain_summaries,
                      gboolean   chinese)
{
  return sb_chart_phases_new (domain_summaries, chinese, _("Bases by domain and phase"));
}
