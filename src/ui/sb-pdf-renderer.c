/* sb-pdf-renderer.c: pages rendered and searched in a worker thread
 *
 * Poppler must not be used on one document from two threads, so the
 * worker opens its own PopplerDocument from the same bytes and is the only
 * thread that touches it.  The main thread says which pages it wants,
 * most wanted first; a newer wish replaces the older one, so scrolling
 * past a hundred pages renders the pages it stops at, not the hundred.
 * Rendered pages come back as image bytes, become textures on the main
 * thread, and stay in a cache bounded in bytes that forgets the least
 * recently used first.  Searching runs a page at a time between renders.
 *
 * Signals: "page-rendered" (page, scale) and "search-results" (page, hits,
 * done) on the main thread.
 */
#define G_LOG_DOMAIN "sb-pdf-renderer"

#include "config.h"

#include <math.h>
#include <poppler.h>

#include "sb-pdf.h"
#include "sb-pdf-renderer.h"

typedef struct
{
  int    page;
  double scale;
} Job;

/* What the worker and the main thread share, under @mutex. */
typedef struct
{
  gatomicrefcount  ref_count;
  GMainContext    *context;      /* the main thread's, where results go */
  GMutex           mutex;
  GCond            cond;
  gboolean         quit;
  GArray          *pages;        /* (element-type Job): wanted now, first first */
  GArray          *thumbnails;   /* (element-type Job): wanted when idle */
  char            *search_text;  /* nullable */
  guint            search_generation;
  int              search_next;  /* the next page to search */
  guint            busy;         /* jobs being done */
  SbPdfRenderer   *renderer;     /* (nullable): main thread only; cleared on dispose */
  GHashTable      *in_cache;     /* "page:scale" keys, mirrored from the cache */
} Shared;

struct _SbPdfRenderer
{
  GObject      parent_instance;

  Shared      *shared;
  GThread     *thread;
  GHashTable  *cache;          /* key → Entry */
  GQueue       lru;            /* (element-type Entry): most recent at the head */
  gsize        cache_size;
  gsize        cache_budget;
};

typedef struct
{
  char       *key;
  GdkTexture *texture;
  int         page;
  gsize       size;
  GList       link;
} Entry;

typedef struct
{
  Shared    *shared;
  int        page;
  double     scale;
  GBytes    *pixels;
  cairo_surface_t *surface;   /* (transfer none): what @pixels holds */
  int        width, height, stride;
  GArray    *hits;            /* search results, or NULL */
  guint      generation;
  gboolean   done;
} Result;

G_DEFINE_FINAL_TYPE (SbPdfRenderer, sb_pdf_renderer, G_TYPE_OBJECT)

enum {
  PAGE_RENDERED,
  SEARCH_RESULTS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static Shared *
shared_ref (Shared *shared)
{
  g_atomic_ref_count_inc (&shared->ref_count);
  return shared;
}

static void
shared_unref (Shared *shared)
{
  if (!g_atomic_ref_count_dec (&shared->ref_count))
    return;

  g_main_context_unref (shared->context);
  g_mutex_clear (&shared->mutex);
  g_cond_clear (&shared->cond);
  g_array_unref (shared->pages);
  g_array_unref (shared->thumbnails);
  g_free (shared->search_text);
  g_hash_table_unref (shared->in_cache);
  g_free (shared);
}

static char *
make_key (int    page,
          double scale)
{
  return g_strdup_printf ("%d:%d", page, (int) round (scale * 1000));
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->key);
  g_object_unref (entry->texture);
  g_free (entry);
}

/* Main thread */

static void
evict (SbPdfRenderer *self)
{
  while (self->cache_size > self->cache_budget && self->lru.length > 1)
    {
      Entry *entry = g_queue_peek_tail (&self->lru);

      g_queue_unlink (&self->lru, &entry->link);
      self->cache_size -= entry->size;
      g_mutex_lock (&self->shared->mutex);
      g_hash_table_remove (self->shared->in_cache, entry->key);
      g_mutex_unlock (&self->shared->mutex);
      g_hash_table_remove (self->cache, entry->key);
    }
}

static gboolean
deliver (gpointer data)
{
  Result *result = data;
  SbPdfRenderer *self = result->shared->renderer;

  if (self == NULL)
    return G_SOURCE_REMOVE;

  if (result->hits != NULL)
    {
      /* The main thread alone changes the generation. */
      if (result->generation != result->shared->search_generation)
        return G_SOURCE_REMOVE;
      g_signal_emit (self, signals[SEARCH_RESULTS], 0, result->page, result->hits, result->done);
    }
  else if (result->pixels != NULL)
    {
      Entry *entry = g_new0 (Entry, 1);

      entry->key = make_key (result->page, result->scale);
      entry->page = result->page;
      entry->texture = gdk_memory_texture_new (result->width, result->height,
                                               GDK_MEMORY_DEFAULT, result->pixels, result->stride);
      /* The same pixels, for drawing with Cairo; see sb_pdf_renderer_get_surface(). */
      g_object_set_data_full (G_OBJECT (entry->texture), "sb-surface",
                              cairo_surface_reference (result->surface),
                              (GDestroyNotify) cairo_surface_destroy);
      entry->size = g_bytes_get_size (result->pixels);
      entry->link.data = entry;
      g_hash_table_replace (self->cache, entry->key, entry);
      g_queue_push_head_link (&self->lru, &entry->link);
      self->cache_size += entry->size;
      evict (self);
      g_signal_emit (self, signals[PAGE_RENDERED], 0, result->page, result->scale);
    }

  return G_SOURCE_REMOVE;
}

static void
result_free (gpointer data)
{
  Result *result = data;

  g_clear_pointer (&result->pixels, g_bytes_unref);
  g_clear_pointer (&result->hits, g_array_unref);
  shared_unref (result->shared);
  g_free (result);
}

/* Always through the main thread's loop: g_main_context_invoke() would
 * run deliver() right here, in the worker, whenever no thread happened to
 * be iterating that context, and emit the renderer's signals from it. */
static void
post (Result *result)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver, result, result_free);
  g_source_set_static_name (source, "[sb-pdf-renderer] deliver");
  g_source_attach (source, result->shared->context);
  g_source_unref (source);
}

/* Worker thread */

static void
surface_destroy (gpointer data)
{
  cairo_surface_destroy (data);
}

static void
render_job (Shared          *shared,
            PopplerDocument *document,
            const Job       *job)
{
  PopplerPage *page = poppler_document_get_page (document, job->page);
  cairo_surface_t *surface;
  Result *result;

  if (page == NULL)
    return;

  surface = sb_pdf_render_page (page, job->scale);
  g_object_unref (page);
  cairo_surface_flush (surface);

  result = g_new0 (Result, 1);
  result->shared = shared_ref (shared);
  result->page = job->page;
  result->scale = job->scale;
  result->width = cairo_image_surface_get_width (surface);
  result->height = cairo_image_surface_get_height (surface);
  result->stride = cairo_image_surface_get_stride (surface);
  result->surface = surface;
  result->pixels = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                               (gsize) result->stride * result->height,
                                               surface_destroy, surface);
  post (result);
}

static void
search_page (Shared          *shared,
             PopplerDocument *document,
             const char      *text,
             int              index,
             guint            generation,
             gboolean         last)
{
  PopplerPage *page = poppler_document_get_page (document, index);
  Result *result = g_new0 (Result, 1);
  double width, height;
  GList *matches;

  result->shared = shared_ref (shared);
  result->page = index;
  result->generation = generation;
  result->done = last;
  result->hits = g_array_new (FALSE, FALSE, sizeof (SbPdfHit));

  if (page != NULL)
    {
      poppler_page_get_size (page, &width, &height);
      matches = poppler_page_find_text_with_options (page, text, POPPLER_FIND_DEFAULT);
      for (GList *l = matches; l != NULL; l = l->next)
        {
          PopplerRectangle *rect = l->data;
          SbPdfHit hit = {
            MIN (rect->x1, rect->x2), height - MAX (rect->y1, rect->y2),
            MAX (rect->x1, rect->x2), height - MIN (rect->y1, rect->y2),
          };

          g_array_append_val (result->hits, hit);
        }
      g_list_free_full (matches, (GDestroyNotify) poppler_rectangle_free);
      g_object_unref (page);
    }

  post (result);
}

typedef struct
{
  Shared *shared;
  GBytes *bytes;
  char   *password;
} WorkerData;

static gpointer
worker (gpointer data)
{
  WorkerData *worker_data = data;
  Shared *shared = worker_data->shared;
  PopplerDocument *document;
  int n_pages;

  document = sb_pdf_open_bytes (worker_data->bytes, "", worker_data->password, NULL);
  g_bytes_unref (worker_data->bytes);
  g_free (worker_data->password);
  g_free (worker_data);
  n_pages = document != NULL ? poppler_document_get_n_pages (document) : 0;

  g_mutex_lock (&shared->mutex);
  while (!shared->quit)
    {
      Job job;

      if (document != NULL && (shared->pages->len > 0 || shared->thumbnails->len > 0))
        {
          GArray *queue = shared->pages->len > 0 ? shared->pages : shared->thumbnails;
          g_autofree char *key = NULL;

          job = g_array_index (queue, Job, 0);
          g_array_remove_index (queue, 0);
          key = make_key (job.page, job.scale);
          if (g_hash_table_contains (shared->in_cache, key))
            continue;
          g_hash_table_add (shared->in_cache, g_steal_pointer (&key));
          shared->busy++;
          g_mutex_unlock (&shared->mutex);
          render_job (shared, document, &job);
          g_mutex_lock (&shared->mutex);
          shared->busy--;
        }
      else if (document != NULL && shared->search_text != NULL && shared->search_next < n_pages)
        {
          g_autofree char *text = g_strdup (shared->search_text);
          guint generation = shared->search_generation;
          int index = shared->search_next++;

          shared->busy++;
          g_mutex_unlock (&shared->mutex);
          search_page (shared, document, text, index, generation, index == n_pages - 1);
          g_mutex_lock (&shared->mutex);
          shared->busy--;
        }
      else
        {
          g_cond_wait (&shared->cond, &shared->mutex);
        }
    }
  g_mutex_unlock (&shared->mutex);

  g_clear_object (&document);
  shared_unref (shared);
  return NULL;
}

/* GObject */

static void
sb_pdf_renderer_dispose (GObject *object)
{
  SbPdfRenderer *self = (SbPdfRenderer *)object;

  if (self->thread != NULL)
    {
      g_mutex_lock (&self->shared->mutex);
      self->shared->quit = TRUE;
      self->shared->renderer = NULL;
      g_cond_signal (&self->shared->cond);
      g_mutex_unlock (&self->shared->mutex);
      g_thread_join (g_steal_pointer (&self->thread));
    }

  G_OBJECT_CLASS (sb_pdf_renderer_parent_class)->dispose (object);
}

static void
sb_pdf_renderer_finalize (GObject *object)
{
  SbPdfRenderer *self = (SbPdfRenderer *)object;

  /* The links live in the entries, which the table frees. */
  g_queue_init (&self->lru);
  g_hash_table_unref (self->cache);
  g_clear_pointer (&self->shared, shared_unref);

  G_OBJECT_CLASS (sb_pdf_renderer_parent_class)->finalize (object);
}

static void
sb_pdf_renderer_class_init (SbPdfRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sb_pdf_renderer_dispose;
  object_class->finalize = sb_pdf_renderer_finalize;

  signals[PAGE_RENDERED] =
    g_signal_new ("page-rendered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_DOUBLE);
  /* (page, GArray of SbPdfHit, whether the last page has been searched) */
  signals[SEARCH_RESULTS] =
    g_signal_new ("search-results", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_POINTER, G_TYPE_BOOLEAN);
}

static void
sb_pdf_renderer_init (SbPdfRenderer *self)
{
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, entry_free);
  self->shared = g_new0 (Shared, 1);
  g_atomic_ref_count_init (&self->shared->ref_count);
  self->shared->context = g_main_context_ref_thread_default ();
  g_mutex_init (&self->shared->mutex);
  g_cond_init (&self->shared->cond);
  self->shared->pages = g_array_new (FALSE, FALSE, sizeof (Job));
  self->shared->thumbnails = g_array_new (FALSE, FALSE, sizeof (Job));
  self->shared->in_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->shared->renderer = self;
}

/* Public API */

/**
 * sb_pdf_renderer_new:
 * @bytes: the PDF, already opened once successfully
 * @password: (nullable): its password
 * @cache_budget: bytes of rendered pages to keep
 */
SbPdfRenderer *
sb_pdf_renderer_new (GBytes     *bytes,
                     const char *password,
                     gsize       cache_budget)
{
  SbPdfRenderer *self;
  WorkerData *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_object_new (SB_TYPE_PDF_RENDERER, NULL);
  self->cache_budget = cache_budget;

  data = g_new0 (WorkerData, 1);
  data->shared = shared_ref (self->shared);
  data->bytes = g_bytes_ref (bytes);
  data->password = g_strdup (password);
  self->thread = g_thread_new ("sb-pdf-render", worker, data);

  return self;
}

/**
 * sb_pdf_renderer_lookup:
 *
 * Returns: (transfer none) (nullable): @page at @scale, if it is cached
 */
GdkTexture *
sb_pdf_renderer_lookup (SbPdfRenderer *self,
                        int            page,
                        double         scale)
{
  g_autofree char *key = make_key (page, scale);
  Entry *entry;

  g_return_val_if_fail (SB_IS_PDF_RENDERER (self), NULL);

  entry = g_hash_table_lookup (self->cache, key);
  if (entry == NULL)
    return NULL;

  g_queue_unlink (&self->lru, &entry->link);
  g_queue_push_head_link (&self->lru, &entry->link);
  return entry->texture;
}

/**
 * sb_pdf_renderer_lookup_any:
 *
 * Returns: (transfer none) (nullable): @page at the largest scale cached,
 *   to show stretched until the right scale arrives
 */
GdkTexture *
sb_pdf_renderer_lookup_any (SbPdfRenderer *self,
                            int            page)
{
  GdkTexture *best = NULL;

  g_return_val_if_fail (SB_IS_PDF_RENDERER (self), NULL);

  for (GList *l = self->lru.head; l != NULL; l = l->next)
    {
      Entry *entry = l->data;

      if (entry->page == page
          && (best == NULL || gdk_texture_get_width (entry->texture) > gdk_texture_get_width (best)))
        best = entry->texture;
    }

  return best;
}

static gboolean
queued (GArray *queue,
        int     page,
        double  scale)
{
  for (guint i = 0; i < queue->len; i++)
    {
      Job *job = &g_array_index (queue, Job, i);

      if (job->page == page && fabs (job->scale - scale) < 0.0005)
        return TRUE;
    }
  return FALSE;
}

/**
 * sb_pdf_renderer_want_pages:
 * @pages: (array length=n_pages): the pages to render, most wanted first
 *
 * Replaces the pages wanted before: those not rendered yet are dropped.
 */
void
sb_pdf_renderer_want_pages (SbPdfRenderer *self,
                            const int     *pages,
                            guint          n_pages,
                            double         scale)
{
  g_return_if_fail (SB_IS_PDF_RENDERER (self));

  g_mutex_lock (&self->shared->mutex);
  g_array_set_size (self->shared->pages, 0);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *key = make_key (pages[i], scale);
      Job job = { pages[i], scale };

      if (!g_hash_table_contains (self->cache, key) && !queued (self->shared->pages, pages[i], scale))
        g_array_append_val (self->shared->pages, job);
    }
  g_cond_signal (&self->shared->cond);
  g_mutex_unlock (&self->shared->mutex);
}

void
sb_pdf_renderer_want_thumbnail (SbPdfRenderer *self,
                                int            page,
                                double         scale)
{
  g_autofree char *key = make_key (page, scale);
  Job job = { page, scale };

  g_return_if_fail (SB_IS_PDF_RENDERER (self));

  if (g_hash_table_contains (self->cache, key))
    return;

  g_mutex_lock (&self->shared->mutex);
  if (!queued (self->shared->thumbnails, page, scale))
    {
      /* Thumbnails shown last are wanted first. */
      g_array_prepend_val (self->shared->thumbnails, job);
    }
  g_cond_signal (&self->shared->cond);
  g_mutex_unlock (&self->shared->mutex);
}

/* A thumbnail no longer shown is no longer wanted. */
void
sb_pdf_renderer_unwant_thumbnail (SbPdfRenderer *self,
                                  int            page,
                                  double         scale)
{
  g_return_if_fail (SB_IS_PDF_RENDERER (self));

  g_mutex_lock (&self->shared->mutex);
  for (guint i = 0; i < self->shared->thumbnails->len; i++)
    {
      Job *job = &g_array_index (self->shared->thumbnails, Job, i);

      if (job->page == page && fabs (job->scale - scale) < 0.0005)
        {
          g_array_remove_index (self->shared->thumbnails, i);
          break;
        }
    }
  g_mutex_unlock (&self->shared->mutex);
}

/**
 * sb_pdf_renderer_search:
 * @text: (nullable): what to find, or %NULL to stop
 *
 * Starts searching every page from the first; results of an earlier
 * search stop coming.
 */
void
sb_pdf_renderer_search (SbPdfRenderer *self,
                        const char    *text)
{
  g_return_if_fail (SB_IS_PDF_RENDERER (self));

  g_mutex_lock (&self->shared->mutex);
  g_free (self->shared->search_text);
  self->shared->search_text = text != NULL && *text != '\0' ? g_strdup (text) : NULL;
  self->shared->search_generation++;
  self->shared->search_next = 0;
  g_cond_signal (&self->shared->cond);
  g_mutex_unlock (&self->shared->mutex);
}

/**
 * sb_pdf_renderer_get_pending:
 *
 * Returns: how many pages are wanted or being rendered
 */
guint
sb_pdf_renderer_get_pending (SbPdfRenderer *self)
{
  guint pending;

  g_return_val_if_fail (SB_IS_PDF_RENDERER (self), 0);

  g_mutex_lock (&self->shared->mutex);
  pending = self->shared->pages->len + self->shared->thumbnails->len + self->shared->busy;
  g_mutex_unlock (&self->shared->mutex);

  return pending;
}

gsize
sb_pdf_renderer_get_cache_size (SbPdfRenderer *self)
{
  g_return_val_if_fail (SB_IS_PDF_RENDERER (self), 0);

  return self->cache_size;
}

/**
 * sb_pdf_renderer_get_surface:
 * @texture: a texture from this renderer
 *
 * The image surface that holds @texture's pixels.  GTK's Cairo renderer
 * converts a texture's pixels each time it draws it, while it copies an
 * image surface as it is: with that renderer, draw this instead.
 *
 * Returns: (transfer none): the surface
 */
cairo_surface_t *
sb_pdf_renderer_get_surface (GdkTexture *texture)
{
  g_return_val_if_fail (GDK_IS_TEXTURE (texture), NULL);

  return g_object_get_data (G_OBJECT (texture), "sb-surface");
}
