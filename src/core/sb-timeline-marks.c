/* sb-timeline-marks.c: what the timeline shows on each base's lane
 */
#define G_LOG_DOMAIN "sb-timeline-marks"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sb-base.h"
#include "sb-date.h"
#include "sb-plan-store.h"
#include "sb-timeline-marks.h"

static const struct
{
  const char *id;
  const char *label;
} phases[SB_TIMELINE_N_PHASES] = {
  [SB_TIMELINE_PHASE_PREPARING] = { "preparing", N_("Preparing") },
  [SB_TIMELINE_PHASE_CONSTRUCTING] = { "constructing", N_("Under construction") },
  [SB_TIMELINE_PHASE_EXTENSION] = { "extension", N_("Extension") },
  [SB_TIMELINE_PHASE_RECTIFYING] = { "rectifying", N_("Rectification") },
  [SB_TIMELINE_PHASE_ESTABLISHED] = { "established", N_("Established") },
};

static const struct
{
  const char *id;
  const char *label;
  int         article;
} events[SB_TIMELINE_N_EVENTS] = {
  [SB_TIMELINE_EVENT_SUBMITTED] = { "submitted", N_("Application submitted"), 13 },
  [SB_TIMELINE_EVENT_APPROVED] = { "approved", N_("Preparation approved"), 15 },
  [SB_TIMELINE_EVENT_REJECTED] = { "rejected", N_("Application rejected"), 15 },
  [SB_TIMELINE_EVENT_PLAN_SUBMITTED] = { "plan-submitted", N_("Construction plan submitted"), 16 },
  [SB_TIMELINE_EVENT_MIDTERM_REPORTED] = { "midterm-reported", N_("Mid-term report submitted"), 19 },
  [SB_TIMELINE_EVENT_MIDTERM_EVALUATED] = { "midterm-evaluated", N_("Mid-term evaluation"), 19 },
  [SB_TIMELINE_EVENT_EXTENSION_REQUESTED] = { "extension-requested", N_("Extension requested"), 21 },
  [SB_TIMELINE_EVENT_ACCEPTANCE_APPLIED] = { "acceptance-applied", N_("Applied for acceptance"), 20 },
  [SB_TIMELINE_EVENT_ACCEPTANCE_PASSED] = { "acceptance-passed", N_("Acceptance passed, base established"), 22 },
  [SB_TIMELINE_EVENT_ACCEPTANCE_FAILED] = { "acceptance-failed", N_("Acceptance failed"), 20 },
  [SB_TIMELINE_EVENT_ASSESSMENT_FAILED] = { "assessment-failed", N_("Annual assessment failed"), 38 },
  [SB_TIMELINE_EVENT_REVOKED] = { "revoked", N_("Revoked"), 21 },
};

/* Helpers */

static gint32
julian_or_zero (const GDate *date)
{
  return date != NULL && g_date_valid (date) ? (gint32) g_date_get_julian (date) : 0;
}

static gint32
min_set (gint32 a,
         gint32 b)
{
  if (a == 0)
    return b;
  if (b == 0)
    return a;
  return MIN (a, b);
}

/* Adds a phase from @start.  @end is when it ended (0: it goes on); a
 * phase that goes on happened until today and is planned until
 * @planned_end (0: no end). */
static void
add_bar (SbTimelineLane  *lane,
         SbTimelinePhase  phase,
         gint32           start,
         gint32           end,
         gint32           planned_end,
         gint32           today)
{
  SbTimelineBar *bar;

  if (start == 0 || lane->n_bars >= G_N_ELEMENTS (lane->bars))
    return;

  if (end != 0)
    {
      if (end <= start)
        return;
    }

  bar = &lane->bars[lane->n_bars++];
  bar->phase = phase;
  bar->start = start;
  if (end != 0)
    {
      bar->end = end;
      bar->actual_until = end;
    }
  else
    {
      bar->actual_until = CLAMP (today, start, planned_end != 0 ? MAX (planned_end, start) : G_MAXINT32 - 1);
      bar->end = planned_end != 0 ? MAX (planned_end, bar->actual_until) : SB_TIMELINE_OPEN_END;
      if (bar->end == bar->start)
        bar->end = bar->start + 1;
    }
}

static void
add_event (SbTimelineLane  *lane,
           SbTimelineEvent  event,
           const GDate     *date,
           gint32           today,
           int              article)
{
  SbTimelineMark mark = { 0 };

  if (!g_date_valid (date))
    return;

  mark.kind = SB_TIMELINE_MARK_EVENT;
  mark.code = event;
  mark.status = SB_DEADLINE_STATUS_MET;
  mark.day = g_date_get_julian (date);
  mark.met = mark.day;
  mark.article = article > 0 ? article : events[event].article;
  mark.days_left = mark.day - today;
  g_array_append_val (lane->marks, mark);
}

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const SbTimelineMark *x = a;
  const SbTimelineMark *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  /* Steps before deadlines on the same day, then in the regulation's order */
  if (x->kind != y->kind)
    return (int) x->kind - (int) y->kind;
  return x->code - y->code;
}

static void
add_bars (SbTimelineLane    *lane,
          const SbBaseFacts *facts,
          gint32             today)
{
  gint32 approved = julian_or_zero (&facts->approved);
  gint32 plan = julian_or_zero (&facts->plan_submitted);
  gint32 failed = julian_or_zero (&facts->acceptance_failed);
  gint32 established = julian_or_zero (&facts->established);
  gint32 closed = julian_or_zero (&facts->closed);
  gint32 assessment_failed = julian_or_zero (&facts->assessment_failed);
  gint32 cycle_end = 0, extended_end = 0, stage_end, reapply = 0;
  gboolean extended = facts->extension_months > 0;
  GDate date;

  if (approved == 0)
    return;

  if (sb_base_facts_get_cycle_end (facts, &date))
    cycle_end = g_date_get_julian (&date);
  if (extended && sb_base_facts_get_extended_end (facts, &date))
    extended_end = g_date_get_julian (&date);

  /* Art. 16–18: preparing until the plan is in, then building until the
   * acceptance result or the end of it all. */
  if (plan != 0)
    add_bar (lane, SB_TIMELINE_PHASE_PREPARING, approved, plan, 0, today);
  else
    add_bar (lane, SB_TIMELINE_PHASE_PREPARING, approved, closed, cycle_end, today);

  stage_end = min_set (min_set (failed, established), closed);
  if (plan != 0)
    {
      if (extended && cycle_end != 0 && (stage_end == 0 || stage_end > cycle_end))
        {
          add_bar (lane, SB_TIMELINE_PHASE_CONSTRUCTING, plan, cycle_end, 0, today);
          /* Art. 21: the granted extension runs on from the end of the cycle */
          add_bar (lane, SB_TIMELINE_PHASE_EXTENSION, cycle_end, stage_end, extended_end, today);
        }
      else
        add_bar (lane, SB_TIMELINE_PHASE_CONSTRUCTING, plan, stage_end, cycle_end, today);
    }

  /* Art. 20: six months to re-apply after failing acceptance. */
  if (failed != 0)
    {
      sb_date_add_months_to (&facts->acceptance_failed, SB_REAPPLICATION_MONTHS, &date);
      reapply = julian_or_zero (&date);
      add_bar (lane, SB_TIMELINE_PHASE_RECTIFYING, failed,
               min_set (established > failed ? established : 0, closed > failed ? closed : 0),
               reapply, today);
    }

  if (established != 0)
    add_bar (lane, SB_TIMELINE_PHASE_ESTABLISHED, established, closed, 0, today);

  /* Art. 38: rectifying by the deadline the authority set.  A passed
   * re-check is not dated in the facts, so only a rectification that goes
   * on or ended in revocation has a bar. */
  if (assessment_failed != 0)
    {
      if (facts->state == SB_BASE_STATE_ASSESSMENT_RECTIFYING)
        add_bar (lane, SB_TIMELINE_PHASE_RECTIFYING, assessment_failed, 0,
                 julian_or_zero (&facts->rectify_by), today);
      else if (facts->state == SB_BASE_STATE_REVOKED && closed >= assessment_failed)
        add_bar (lane, SB_TIMELINE_PHASE_RECTIFYING, assessment_failed, MAX (closed, assessment_failed + 1), 0, today);
    }
}

static void
add_events (SbTimelineLane    *lane,
            const SbBaseFacts *facts,
            gint32             today)
{
  int revoked_article = 21;

  add_event (lane, SB_TIMELINE_EVENT_SUBMITTED, &facts->submitted, today, 0);
  add_event (lane, SB_TIMELINE_EVENT_APPROVED, &facts->approved, today, 0);
  add_event (lane, SB_TIMELINE_EVENT_PLAN_SUBMITTED, &facts->plan_submitted, today, 0);
  add_event (lane, SB_TIMELINE_EVENT_MIDTERM_REPORTED, &facts->midterm_report, today, 0);
  add_event (lane, SB_TIMELINE_EVENT_MIDTERM_EVALUATED, &facts->midterm_evaluated, today, 0);
  add_event (lane, SB_TIMELINE_EVENT_EXTENSION_REQUESTED, &facts->extension_requested, today, 0);
  add_event (lane, SB_TIMELINE_EVENT_ACCEPTANCE_APPLIED, &facts->acceptance_applied, today,
             g_date_valid (&facts->extension_requested) && facts->extension_months > 0 ? 21 : 20);
  add_event (lane, SB_TIMELINE_EVENT_ACCEPTANCE_FAILED, &facts->acceptance_failed, today, 0);
  add_event (lane, SB_TIMELINE_EVENT_ACCEPTANCE_PASSED, &facts->established, today, 0);
  add_event (lane, SB_TIMELINE_EVENT_ASSESSMENT_FAILED, &facts->assessment_failed, today, 0);

  if (facts->state == SB_BASE_STATE_REJECTED)
    add_event (lane, SB_TIMELINE_EVENT_REJECTED, &facts->closed, today, 0);
  else if (facts->state == SB_BASE_STATE_REVOKED)
    {
      /* The article that revoked it: a failed re-check (Art. 38), no
       * re-application after failing acceptance (Art. 20), or an
       * unfinished construction (Art. 21). */
      if (g_date_valid (&facts->assessment_failed))
        revoked_article = 38;
      else if (g_date_valid (&facts->acceptance_failed))
        revoked_article = 20;
      add_event (lane, SB_TIMELINE_EVENT_REVOKED, &facts->closed, today, revoked_article);
    }
}

static void
add_deadlines (SbTimelineLane *lane,
               GArray         *deadlines,
               gint32          today)
{
  for (guint i = 0; i < deadlines->len; i++)
    {
      const SbDeadline *deadline = &g_array_index (deadlines, SbDeadline, i);
      SbTimelineMark mark = { 0 };

      if (!g_date_valid (&deadline->date))
        {
          lane->n_unknown++;
          continue;
        }

      mark.kind = g_date_valid (&deadline->opens) ? SB_TIMELINE_MARK_WINDOW : SB_TIMELINE_MARK_DEADLINE;
      mark.code = deadline->kind;
      mark.status = deadline->status;
      mark.day = g_date_get_julian (&deadline->date);
      mark.opens = julian_or_zero (&deadline->opens);
      mark.met = julian_or_zero (&deadline->met);
      mark.year = deadline->year;
      mark.article = sb_deadline_kind_get_article (deadline->kind);
      mark.days_left = mark.day - today;
      g_array_append_val (lane->marks, mark);
    }
}

static char *
format_julian (gint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return sb_date_format (&date);
}

static void
timeline_free (SbTimeline *timeline)
{
  g_clear_pointer (&timeline->by_id, g_hash_table_unref);
  g_clear_pointer (&timeline->lanes, g_ptr_array_unref);
}

/* Public API */

const char *
sb_timeline_phase_to_string (SbTimelinePhase phase)
{
  g_return_val_if_fail (phase < SB_TIMELINE_N_PHASES, NULL);

  return phases[phase].id;
}

const char *
sb_timeline_phase_get_label (SbTimelinePhase phase)
{
  g_return_val_if_fail (phase < SB_TIMELINE_N_PHASES, NULL);

  return _(phases[phase].label);
}

const char *
sb_timeline_event_to_string (SbTimelineEvent event)
{
  g_return_val_if_fail (event < SB_TIMELINE_N_EVENTS, NULL);

  return events[event].id;
}

const char *
sb_timeline_event_get_label (SbTimelineEvent event)
{
  g_return_val_if_fail (event < SB_TIMELINE_N_EVENTS, NULL);

  return _(events[event].label);
}

/**
 * sb_timeline_mark_get_label:
 *
 * Returns: what the mark is, without its year
 */
const char *
sb_timeline_mark_get_label (const SbTimelineMark *mark)
{
  g_return_val_if_fail (mark != NULL, NULL);

  switch (mark->kind)
    {
    case SB_TIMELINE_MARK_EVENT:
      return sb_timeline_event_get_label (mark->code);
    case SB_TIMELINE_MARK_DEADLINE:
    case SB_TIMELINE_MARK_WINDOW:
      return sb_deadline_kind_get_label (mark->code);
    case SB_TIMELINE_MARK_PLAN_MILESTONE:
      return mark->text != NULL ? mark->text : _("Construction plan milestone");
    case SB_TIMELINE_N_MARK_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * sb_timeline_mark_dup_title:
 *
 * Returns: (transfer full): what the mark is, with the year of an annual
 *   item, e.g. "Annual assessment due (2025)"
 */
char *
sb_timeline_mark_dup_title (const SbTimelineMark *mark)
{
  g_return_val_if_fail (mark != NULL, NULL);

  if (mark->year > 0)
    /* Translators: an annual deadline and the year it is for */
    return g_strdup_printf (_("%s (%d)"), sb_timeline_mark_get_label (mark), mark->year);

  return g_strdup (sb_timeline_mark_get_label (mark));
}

/**
 * sb_timeline_mark_dup_id:
 *
 * Returns: (transfer full): a name for the mark that does not depend on
 *   the language, e.g. "deadline:annual-report:2025" or "event:approved"
 */
char *
sb_timeline_mark_dup_id (const SbTimelineMark *mark)
{
  const char *kind, *code;
  g_autofree char *index = NULL;

  g_return_val_if_fail (mark != NULL, NULL);

  switch (mark->kind)
    {
    case SB_TIMELINE_MARK_EVENT:
      kind = "event";
      code = sb_timeline_event_to_string (mark->code);
      break;
    case SB_TIMELINE_MARK_DEADLINE:
      kind = "deadline";
      code = sb_deadline_kind_to_string (mark->code);
      break;
    case SB_TIMELINE_MARK_WINDOW:
      kind = "window";
      code = sb_deadline_kind_to_string (mark->code);
      break;
    case SB_TIMELINE_MARK_PLAN_MILESTONE:
      kind = "milestone";
      code = index = g_strdup_printf ("%d", mark->code);
      break;
    case SB_TIMELINE_N_MARK_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }

  if (mark->year > 0)
    return g_strdup_printf ("%s:%s:%d", kind, code, mark->year);
  return g_strdup_printf ("%s:%s", kind, code);
}

/**
 * sb_timeline_mark_describe:
 * @base_name: (nullable): the base's name, to start with
 *
 * What the tooltip and assistive technologies say about a mark: what it
 * is, its date (or window), its article and its status.
 *
 * Returns: (transfer full): one line per item
 */
char *
sb_timeline_mark_describe (const SbTimelineMark *mark,
                           const char           *base_name)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *article = NULL;

  g_return_val_if_fail (mark != NULL, NULL);

  title = sb_timeline_mark_dup_title (mark);
  date = format_julian (mark->day);

  if (base_name != NULL)
    g_string_append_printf (text, "%s\n", base_name);
  g_string_append (text, title);
  g_string_append_c (text, '\n');

  if (mark->kind == SB_TIMELINE_MARK_WINDOW && mark->opens != 0)
    {
      g_autofree char *opens = format_julian (mark->opens);

      /* Translators: a window of time, from one date to another */
      g_string_append_printf (text, _("From %s to %s"), opens, date);
    }
  else
    g_string_append (text, date);

  if (mark->article > 0)
    {
      article = sb_article_format (mark->article);
      g_string_append_printf (text, "\n%s", article);
    }

  g_string_append_c (text, '\n');
  if (mark->kind == SB_TIMELINE_MARK_EVENT)
    g_string_append (text, _("Recorded"));
  else if (mark->status == SB_DEADLINE_STATUS_MET && mark->met != 0)
    {
      g_autofree char *met = format_julian (mark->met);

      /* Translators: a deadline met, and the date it was met on */
      g_string_append_printf (text, _("Met on %s"), met);
    }
  else if (mark->status == SB_DEADLINE_STATUS_OVERDUE)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Overdue by %d day",
                                               "Overdue by %d days", -mark->days_left),
                            -mark->days_left);
  else if (mark->status == SB_DEADLINE_STATUS_DUE_SOON || mark->status == SB_DEADLINE_STATUS_UPCOMING)
    {
      g_string_append (text, sb_deadline_status_get_label (mark->status));
      g_string_append (text, _(", "));
      if (mark->days_left == 0)
        g_string_append (text, _("due today"));
      else
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d day left",
                                                   "%d days left", mark->days_left),
                                mark->days_left);
    }
  else
    g_string_append (text, sb_deadline_status_get_label (mark->status));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * sb_timeline_lane_compute:
 * @deadlines: (element-type SbDeadline): the base's deadlines, as
 *   sb_deadlines_compute() gives them for @today
 *
 * Fills @lane with the bars and marks of a base.  Clear it with
 * sb_timeline_lane_clear().
 */
void
sb_timeline_lane_compute (SbTimelineLane    *lane,
                          gint64             base_id,
                          const SbBaseFacts *facts,
                          GArray            *deadlines,
                          const GDate       *today)
{
  gint32 today_day;

  g_return_if_fail (lane != NULL);
  g_return_if_fail (facts != NULL);
  g_return_if_fail (deadlines != NULL);
  g_return_if_fail (today != NULL && g_date_valid (today));

  memset (lane, 0, sizeof *lane);
  lane->base_id = base_id;
  lane->state = facts->state;
  lane->marks = g_array_sized_new (FALSE, FALSE, sizeof (SbTimelineMark), deadlines->len + 8);

  today_day = g_date_get_julian (today);
  add_bars (lane, facts, today_day);
  add_events (lane, facts, today_day);
  add_deadlines (lane, deadlines, today_day);
  g_array_sort (lane->marks, compare_marks);
}

void
sb_timeline_lane_clear (SbTimelineLane *lane)
{
  g_return_if_fail (lane != NULL);

  g_clear_pointer (&lane->marks, g_array_unref);
  g_clear_pointer (&lane->texts, g_string_chunk_free);
  lane->n_bars = 0;
}

SbTimelineLane *
sb_timeline_lane_new (gint64             base_id,
                      const SbBaseFacts *facts,
                      GArray            *deadlines,
                      const GDate       *today)
{
  SbTimelineLane *lane = g_new0 (SbTimelineLane, 1);

  sb_timeline_lane_compute (lane, base_id, facts, deadlines, today);
  return lane;
}

void
sb_timeline_lane_free (SbTimelineLane *lane)
{
  if (lane == NULL)
    return;

  sb_timeline_lane_clear (lane);
  g_free (lane);
}

/**
 * sb_timeline_lane_add_milestone:
 * @date: when the milestone falls
 * @index: its number in the plan
 * @year: the year of the cycle it belongs to (1, 2, 3, ...), or 0
 * @text: what the plan says is due
 * @met: whether the base reported it done
 * @today: the date its status is judged on
 *
 * Adds one of the construction plan's own yearly milestones (Art. 16) to
 * @lane, in date order.  The plan's store calls this for each milestone;
 * the lane keeps a copy of @text.
 *
 * Returns: (transfer none): the mark added
 */
const SbTimelineMark *
sb_timeline_lane_add_milestone (SbTimelineLane *lane,
                                const GDate    *date,
                                int             index,
                                int             year,
                                const char     *text,
                                gboolean        met,
                                const GDate    *today)
{
  SbTimelineMark mark = { 0 };
  guint position;

  g_return_val_if_fail (lane != NULL && lane->marks != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (lane->texts == NULL)
    lane->texts = g_string_chunk_new (256);

  mark.kind = SB_TIMELINE_MARK_PLAN_MILESTONE;
  mark.code = index;
  mark.day = g_date_get_julian (date);
  mark.year = year;
  mark.article = 16;
  mark.days_left = mark.day - (gint32) g_date_get_julian (today);
  mark.text = text != NULL ? g_string_chunk_insert (lane->texts, text) : NULL;
  if (met)
    mark.status = SB_DEADLINE_STATUS_MET;
  else if (mark.days_left < 0)
    mark.status = SB_DEADLINE_STATUS_OVERDUE;
  else if (mark.days_left <= SB_DEADLINE_DUE_SOON_DAYS)
    mark.status = SB_DEADLINE_STATUS_DUE_SOON;
  else
    mark.status = SB_DEADLINE_STATUS_UPCOMING;

  for (position = lane->marks->len; position > 0; position--)
    {
      if (compare_marks (&g_array_index (lane->marks, SbTimelineMark, position - 1), &mark) <= 0)
        break;
    }
  g_array_insert_val (lane->marks, position, mark);

  return &g_array_index (lane->marks, SbTimelineMark, position);
}

const SbTimelineMark *
sb_timeline_lane_get_mark (const SbTimelineLane *lane,
                           guint                 index)
{
  g_return_val_if_fail (lane != NULL, NULL);
  g_return_val_if_fail (index < lane->marks->len, NULL);

  return &g_array_index (lane->marks, SbTimelineMark, index);
}

guint
sb_timeline_lane_get_n_marks (const SbTimelineLane *lane)
{
  g_return_val_if_fail (lane != NULL, 0);

  return lane->marks->len;
}

/* Deadlines and milestones only: recorded steps are not counted. */
guint
sb_timeline_lane_count_status (const SbTimelineLane *lane,
                               SbDeadlineStatus      status)
{
  guint n = 0;

  g_return_val_if_fail (lane != NULL, 0);

  for (guint i = 0; i < lane->marks->len; i++)
    {
      const SbTimelineMark *mark = &g_array_index (lane->marks, SbTimelineMark, i);

      if (mark->kind != SB_TIMELINE_MARK_EVENT && mark->status == status)
        n++;
    }

  return n;
}

/**
 * sb_timeline_compute:
 * @bases: (element-type SbBase): the bases, in any order
 *
 * Computes the lanes of all @bases, each from its facts and deadlines.
 *
 * Returns: (transfer full): the lanes, to find by base number
 */
SbTimeline *
sb_timeline_compute (SbBaseStore *store,
                     GPtrArray   *bases,
                     const GDate *today)
{
  SbTimeline *timeline;

  g_return_val_if_fail (SB_IS_BASE_STORE (store), NULL);
  g_return_val_if_fail (bases != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  timeline = g_atomic_rc_box_new0 (SbTimeline);
  timeline->today = g_date_get_julian (today);
  timeline->lanes = g_ptr_array_new_full (bases->len, (GDestroyNotify) sb_timeline_lane_free);
  timeline->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < bases->len; i++)
    {
      SbBase *base = g_ptr_array_index (bases, i);
      g_autoptr(GArray) deadlines = sb_base_store_list_deadlines (store, base, today);
      SbTimelineLane *lane;

      lane = sb_timeline_lane_new (sb_base_get_id (base), sb_base_get_facts (base), deadlines, today);
      g_ptr_array_add (timeline->lanes, lane);
      g_hash_table_insert (timeline->by_id, &lane->base_id, lane);

      for (guint j = 0; j < lane->n_bars; j++)
        {
          timeline->first_day = min_set (timeline->first_day, lane->bars[j].start);
          if (lane->bars[j].end != SB_TIMELINE_OPEN_END)
            timeline->last_day = MAX (timeline->last_day, lane->bars[j].end);
        }
      if (lane->marks->len > 0)
        {
          timeline->first_day = min_set (timeline->first_day,
                                         g_array_index (lane->marks, SbTimelineMark, 0).day);
          timeline->last_day = MAX (timeline->last_day,
                                    g_array_index (lane->marks, SbTimelineMark, lane->marks->len - 1).day);
        }
    }

  return timeline;
}

SbTimeline *
sb_timeline_ref (SbTimeline *timeline)
{
  g_return_val_if_fail (timeline != NULL, NULL);

  return g_atomic_rc_box_acquire (timeline);
}

void
sb_timeline_unref (SbTimeline *timeline)
{
  g_return_if_fail (timeline != NULL);

  g_atomic_rc_box_release_full (timeline, (GDestroyNotify) timeline_free);
}

/**
 * sb_timeline_find_lane:
 *
 * Returns: (nullable) (transfer none): the lane of base @base_id
 */
/**
 * sb_timeline_add_plan_milestones:
 *
 * Adds the yearly milestones of each submitted construction plan (Art. 16)
 * to its base's lane.  Nothing records yet whether a milestone was reached,
 * so a past one shows as overdue until a report says otherwise.
 */
gboolean
sb_timeline_add_plan_milestones (SbTimeline   *timeline,
                                 SbDatabase   *database,
                                 const GDate  *today,
                                 GError      **error)
{
  g_autoptr(GArray) planned = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_database_prepare (database, "SELECT base_id FROM plans ORDER BY base_id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (planned, id);
    }
  if (!sb_database_finish_rows (database, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i < planned->len; i++)
    {
      gint64 id = g_array_index (planned, gint64, i);
      SbTimelineLane *lane = g_hash_table_lookup (timeline->by_id, &id);
      g_autoptr(GPtrArray) milestones = NULL;

      if (lane == NULL)   /* not among the bases shown */
        continue;
      milestones = sb_plan_list_milestones (database, id, error);
      if (milestones == NULL)
        return FALSE;

      for (guint j = 0; j < milestones->len; j++)
        {
          const SbPlanMilestone *milestone = g_ptr_array_index (milestones, j);
          g_autofree char *text = g_strdup_printf ("%s: %s", milestone->task, milestone->title);
          const SbTimelineMark *mark;

          mark = sb_timeline_lane_add_milestone (lane, &milestone->date, j, milestone->year,
                                                 text, FALSE, today);
          if (mark != NULL)
            {
              timeline->first_day = min_set (timeline->first_day, mark->day);
              timeline->last_day = MAX (timeline->last_day, mark->day);
            }
        }
    }

  return TRUE;
}

const SbTimelineLane *
sb_timeline_find_lane (SbTimeline *timeline,
                       gint64      base_id)
{
  g_return_val_if_fail (timeline != NULL, NULL);

  return g_hash_table_lookup (timeline->by_id, &base_id);
}
