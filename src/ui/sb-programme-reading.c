/* sb-programme-reading.c: what a main window shows of a programme, read
 * in a worker
 *
 * A reading starts as soon as it is made and is waited for later: the
 * application starts the first one before GTK is initialised, and a window
 * starts its own before it builds its widgets, so that the database is read
 * on one core while GTK works on the other.  It is read once: the first
 * wait takes the contents.
 */
#define G_LOG_DOMAIN "sb-programme-reading"

#include "config.h"

#include "sb-date.h"
#include "sb-deadline-watch-panel.h"
#include "sb-deadline-watch.h"
#include "sb-demo.h"
#include "sb-programme-reading.h"
#include "sb-statistics.h"

struct _SbProgrammeReading
{
  GObject              parent_instance;

  char                *database_path;
  GDate                today;
  gboolean             today_is_real;

  gboolean             done;
  SbProgrammeContents *contents;   /* once done, until a wait takes them */
  GError              *error;      /* once done, when it failed */
  GTask               *waiter;
};

G_DEFINE_FINAL_TYPE (SbProgrammeReading, sb_programme_reading, G_TYPE_OBJECT)

/* What the worker is given; the programme is its own until it returns. */
typedef struct
{
  char        *database_path;
  SbProgramme *programme;
  GDate        today;
  gboolean     fill_demo;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_free (job->database_path);
  g_clear_object (&job->programme);
  g_free (job);
}

void
sb_programme_contents_free (SbProgrammeContents *contents)
{
  g_clear_object (&contents->programme);
  g_clear_pointer (&contents->bases, g_ptr_array_unref);
  g_clear_pointer (&contents->domains, g_array_unref);
  g_clear_pointer (&contents->cities, g_array_unref);
  g_clear_pointer (&contents->tags, g_array_unref);
  g_clear_pointer (&contents->dashboard, sb_dashboard_data_free);
  g_clear_pointer (&contents->watch, g_ptr_array_unref);
  g_clear_pointer (&contents->profile, sb_profile_free);
  g_free (contents);
}

/* Why a deadline cannot be computed, from the first base whose next one
 * cannot: such a deadline always comes first. */
static char *
find_unknown_reason (GPtrArray *bases)
{
  for (guint i = 0; i < bases->len; i++)
    {
      const SbDeadline *next = sb_base_get_next_deadline (g_ptr_array_index (bases, i));

      if (next != NULL && next->status == SB_DEADLINE_STATUS_UNKNOWN && next->problem != NULL)
        return g_strdup (next->problem);
    }

  return NULL;
}

static char *
find_base_name (GPtrArray *bases,
                gint64     id)
{
  for (guint i = 0; i < bases->len; i++)
    {
      SbBase *base = g_ptr_array_index (bases, i);

      if (sb_base_get_id (base) == id)
        return sb_base_dup_name (base);
    }

  return NULL;
}

/* The dashboard's figures, from the bases just read and the history. */
static SbDashboardData *
compute_dashboard (SbProgramme  *programme,
                   GPtrArray    *bases,
                   GArray       *domains,
                   GArray       *cities,
                   const GDate  *today,
                   GError      **error)
{
  g_autoptr(SbDashboardData) data = g_new0 (SbDashboardData, 1);
  SbDatabase *database = sb_programme_get_database (programme);

  data->domains = sb_statistics_summarise_domains (domains, bases);
  data->cities = sb_statistics_summarise_cities (cities, bases);
  data->nearest_names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < data->domains->len; i++)
    {
      const SbGroupSummary *summary = g_ptr_array_index (data->domains, i);

      g_ptr_array_add (data->nearest_names,
                       summary->has_nearest ? find_base_name (bases, summary->nearest_base_id) : NULL);
    }

  if (!sb_statistics_summarise_programme (sb_programme_get_store (programme), bases, today,
                                          &data->programme, error))
    return NULL;
  sb_statistics_count_pipeline_of_bases (bases, data->pipeline);
  if (data->programme.unknown_deadlines > 0)
    data->unknown_reason = find_unknown_reason (bases);

  data->standards_years = sb_statistics_standards_by_year (database, error);
  if (data->standards_years == NULL)
    return NULL;
  data->assessment_years = sb_statistics_assessments_by_year (database, error);
  if (data->assessment_years == NULL)
    return NULL;

  return g_steal_pointer (&data);
}

/* Acts as the last profile: the audit log records its name and role, and
 * the window shows only the bases it may see. */
static gboolean
apply_profile (SbProgrammeContents  *contents,
               GError              **error)
{
  SbDatabase *database = sb_programme_get_database (contents->programme);
  g_autoptr(GHashTable) visible = NULL;
  g_autoptr(GError) local_error = NULL;
  GPtrArray *bases = contents->bases;
  guint kept = 0;

  contents->profile = sb_profile_load_last (database, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (contents->profile == NULL)
    return TRUE;

  sb_database_set_audit_actor (database, contents->profile->name,
                               sb_role_to_string (contents->profile->role));
  visible = sb_profile_list_visible_bases (database, contents->profile, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (visible == NULL)
    return TRUE;

  for (guint i = 0; i < bases->len; i++)
    {
      SbBase *base = g_ptr_array_index (bases, i);
      gint64 id = sb_base_get_id (base);

      if (g_hash_table_contains (visible, &id))
        bases->pdata[kept++] = base;
      else
        g_object_unref (base);
    }
  bases->len = kept;

  return TRUE;
}

static SbProgrammeContents *
read_programme (ReadJob  *job,
                GError  **error)
{
  g_autoptr(SbProgrammeContents) contents = g_new0 (SbProgrammeContents, 1);
  SbDatabase *database;
  SbBaseStore *store;

  contents->programme = g_steal_pointer (&job->programme);
  if (contents->programme == NULL)
    contents->programme = sb_programme_open (job->database_path,
                                             SB_DATABASE_OPEN_FLAGS_CREATE, error);
  if (contents->programme == NULL)
    return NULL;
  store = sb_programme_get_store (contents->programme);
  database = sb_programme_get_database (contents->programme);

  if (job->fill_demo
      && !sb_demo_fill (store, SB_DEMO_DEFAULT_COUNT, SB_DEMO_DEFAULT_SEED, &job->today, error))
    return NULL;

  contents->bases = sb_base_store_list (store, NULL, &job->today, error);
  if (contents->bases == NULL
      || !apply_profile (contents, error)
      || !sb_base_store_read_search_data (store, contents->bases, error)
      || (contents->domains = sb_statistics_list_domains (database, error)) == NULL
      || (contents->cities = sb_statistics_list_cities (database, error)) == NULL
      || (contents->tags = sb_statistics_list_tags (database, error)) == NULL
      || (contents->dashboard = compute_dashboard (contents->programme, contents->bases,
                                                   contents->domains, contents->cities,
                                                   &job->today, error)) == NULL)
    return NULL;

  /* The deadline watch, for the notification; the timeline's lanes are
   * computed when the Timeline is first shown. */
  contents->watch = sb_deadline_watch_list (store, contents->bases, &job->today, SB_WATCH_MAX_DAYS,
                                            SB_DEADLINE_WATCH_DUE_AND_OVERDUE);

  return g_steal_pointer (&contents);
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  SbProgrammeContents *contents = read_programme (task_data, &error);

  if (contents == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, contents, (GDestroyNotify) sb_programme_contents_free);
}

static void
hand_over (SbProgrammeReading *self)
{
  g_autoptr(GTask) waiter = g_steal_pointer (&self->waiter);

  if (self->error != NULL)
    g_task_return_error (waiter, g_error_copy (self->error));
  else if (self->contents != NULL)
    g_task_return_pointer (waiter, g_steal_pointer (&self->contents),
                           (GDestroyNotify) sb_programme_contents_free);
  else
    g_task_return_new_error (waiter, G_IO_ERROR, G_IO_ERROR_FAILED,
                             "The programme was read once already");
}

static void
read_finished (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  SbProgrammeReading *self = SB_PROGRAMME_READING (object);

  self->done = TRUE;
  self->contents = g_task_propagate_pointer (G_TASK (result), &self->error);
  if (self->waiter != NULL)
    hand_over (self);
}

static void
sb_programme_reading_finalize (GObject *object)
{
  SbProgrammeReading *self = (SbProgrammeReading *)object;

  g_free (self->database_path);
  g_clear_pointer (&self->contents, sb_programme_contents_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (sb_programme_reading_parent_class)->finalize (object);
}

static void
sb_programme_reading_class_init (SbProgrammeReadingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_programme_reading_finalize;
}

static void
sb_programme_reading_init (SbProgrammeReading *self)
{
}

/**
 * sb_programme_reading_new:
 * @database_path: the programme's database
 * @programme: (transfer full) (nullable): the programme already open on
 *   @database_path, or %NULL to open it
 * @today: (nullable): the date deadlines are judged on, or %NULL for the
 *   real today
 * @fill_demo: whether to add the demonstration programme first
 *
 * Starts reading at once, in a worker.
 */
SbProgrammeReading *
sb_programme_reading_new (const char  *database_path,
                          SbProgramme *programme,
                          const GDate *today,
                          gboolean     fill_demo)
{
  g_autoptr(GTask) task = NULL;
  SbProgrammeReading *self;
  ReadJob *job;

  g_return_val_if_fail (database_path != NULL, NULL);

  self = g_object_new (SB_TYPE_PROGRAMME_READING, NULL);
  self->database_path = g_strdup (database_path);
  if (today != NULL && g_date_valid (today))
    self->today = *today;
  else
    {
      sb_date_set_today (&self->today);
      self->today_is_real = TRUE;
    }

  job = g_new0 (ReadJob, 1);
  job->database_path = g_strdup (database_path);
  job->programme = programme;
  job->today = self->today;
  job->fill_demo = fill_demo;

  task = g_task_new (self, NULL, read_finished, NULL);
  g_task_set_source_tag (task, sb_programme_reading_new);
  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
  g_task_run_in_thread (task, read_in_thread);

  return self;
}

const char *
sb_programme_reading_get_database_path (SbProgrammeReading *self)
{
  g_return_val_if_fail (SB_IS_PROGRAMME_READING (self), NULL);

  return self->database_path;
}

const GDate *
sb_programme_reading_get_today (SbProgrammeReading *self)
{
  g_return_val_if_fail (SB_IS_PROGRAMME_READING (self), NULL);

  return &self->today;
}

/* Whether deadlines are judged on the day the reading started, rather than
 * on a date it was given. */
gboolean
sb_programme_reading_judges_real_today (SbProgrammeReading *self)
{
  g_return_val_if_fail (SB_IS_PROGRAMME_READING (self), FALSE);

  return self->today_is_real;
}

/**
 * sb_programme_reading_wait_async:
 *
 * Calls @callback once the reading is done, or from the main loop when it
 * is done already.  A reading is waited for once.
 */
void
sb_programme_reading_wait_async (SbProgrammeReading  *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (SB_IS_PROGRAMME_READING (self));
  g_return_if_fail (self->waiter == NULL);

  self->waiter = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->waiter, sb_programme_reading_wait_async);
  if (self->done)
    hand_over (self);
}

/**
 * sb_programme_reading_wait_finish:
 *
 * Returns: (transfer full): what was read, or %NULL with @error set
 */
SbProgrammeContents *
sb_programme_reading_wait_finish (SbProgrammeReading  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (SB_IS_PROGRAMME_READING (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
