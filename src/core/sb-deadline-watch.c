/* sb-deadline-watch.c: what falls due soon, and what is overdue, across
 * the whole programme
 */
#define G_LOG_DOMAIN "sb-deadline-watch"

#include "config.h"

#include "sb-deadline-watch.h"

/* Undated items first (someone must import the calendar), then by date. */
static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const SbDueItem *x = *(const SbDueItem * const *) a;
  const SbDueItem *y = *(const SbDueItem * const *) b;
  gboolean x_dated = g_date_valid (&x->deadline.date);
  gboolean y_dated = g_date_valid (&y->deadline.date);

  if (x_dated != y_dated)
    return x_dated ? 1 : -1;
  if (x_dated && g_date_compare (&x->deadline.date, &y->deadline.date) != 0)
    return g_date_compare (&x->deadline.date, &y->deadline.date);
  if (x->base_id != y->base_id)
    return x->base_id < y->base_id ? -1 : 1;

  return (int) x->deadline.kind - (int) y->deadline.kind;
}

static gboolean
is_watched (const SbDeadline    *deadline,
            int                  within_days,
            SbDeadlineWatchMode  mode)
{
  switch (deadline->status)
    {
    case SB_DEADLINE_STATUS_OVERDUE:
      return TRUE;
    case SB_DEADLINE_STATUS_UNKNOWN:
      return mode == SB_DEADLINE_WATCH_DUE_AND_OVERDUE;
    case SB_DEADLINE_STATUS_UPCOMING:
    case SB_DEADLINE_STATUS_DUE_SOON:
      return mode == SB_DEADLINE_WATCH_DUE_AND_OVERDUE && deadline->days_left <= within_days;
    case SB_DEADLINE_STATUS_MET:
    case SB_DEADLINE_STATUS_LAPSED:
    default:
      return FALSE;
    }
}

/**
 * sb_deadline_watch_list:
 * @bases: (element-type SbBase): the bases to watch, as listed
 * @today: the date to judge on
 * @within_days: how far ahead to look
 * @mode: whether to list what falls due too, or only what is overdue
 *
 * Every pending deadline of @bases that is overdue, falls due within
 * @within_days, or cannot be computed, earliest first.
 *
 * Returns: (transfer full) (element-type SbDueItem): the items
 */
GPtrArray *
sb_deadline_watch_list (SbBaseStore         *store,
                        GPtrArray           *bases,
                        const GDate         *today,
                        int                  within_days,
                        SbDeadlineWatchMode  mode)
{
  GPtrArray *items;

  g_return_val_if_fail (SB_IS_BASE_STORE (store), NULL);
  g_return_val_if_fail (bases != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_due_item_free);

  for (guint i = 0; i < bases->len; i++)
    {
      SbBase *base = g_ptr_array_index (bases, i);
      g_autoptr(GArray) deadlines = sb_base_store_list_deadlines (store, base, today);

      for (guint j = 0; j < deadlines->len; j++)
        {
          const SbDeadline *deadline = &g_array_index (deadlines, SbDeadline, j);
          SbDueItem *item;

          if (!is_watched (deadline, within_days, mode))
            continue;

          item = g_new0 (SbDueItem, 1);
          item->base_id = sb_base_get_id (base);
          item->base_name = sb_base_dup_name (base);
          item->deadline = *deadline;
          item->deadline.problem = g_strdup (deadline->problem);
          g_ptr_array_add (items, item);
        }
    }

  g_ptr_array_sort (items, compare_items);

  return items;
}

void
sb_due_item_free (SbDueItem *item)
{
  if (item == NULL)
    return;

  g_free (item->base_name);
  g_free (item->deadline.problem);
  g_free (item);
}
