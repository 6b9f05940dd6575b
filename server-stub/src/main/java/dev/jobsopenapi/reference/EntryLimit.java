package dev.jobsopenapi.reference;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The most entries one array or map of a request may carry ({@code --max-array-items}), counted as the JSON streams
 * in: the parser stops at the first entry over the limit, so no request is bound into models (and validated) whole
 * before it is refused. A 1 MiB body of 125,000 {@code server_ids} is refused after 1,001 of them, not after a
 * list of 125,000 strings was built and checked; 32 of them at once cost a 256 MiB server nothing.
 */
final class EntryLimit {

    private EntryLimit() {
    }

    /** The refusal's words, the same wherever an array or map is counted. */
    static String tooMany(String field, int max) {
        return field + ": at most " + max + " entries (a limit of this server: --max-array-items)";
    }

    /** An array or map of the request has more entries than the limit. */
    static final class TooManyEntries extends JsonParseException {
        TooManyEntries(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    /** A JSON factory whose parsers refuse an array or object with more than {@code max} entries. */
    static JsonFactory factory(int max) {
        return new CountingFactory(max);
    }

    private static final class CountingFactory extends JsonFactory {
        private final int max;

        CountingFactory(int max) {
            this.max = max;
        }

        @Override
        public JsonFactory copy() {
            return new CountingFactory(max);
        }

        @Override
        protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
            return new Counting(super._createParser(in, context), max);
        }

        @Override
        protected JsonParser _createParser(Reader reader, IOContext context) throws IOException {
            return new Counting(super._createParser(reader, context), max);
        }

        @Override
        protected JsonParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable)
                throws IOException {
            return new Counting(super._createParser(data, offset, length, context, recyclable), max);
        }

        @Override
        protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
            return new Counting(super._createParser(data, offset, length, context), max);
        }
    }

    /** Counts the entries of each open array and object as its tokens go by. */
    private static final class Counting extends JsonParserDelegate {
        private final int max;
        private final Deque<int[]> open = new ArrayDeque<>();

        Counting(JsonParser parser, int max) {
            super(parser);
            this.max = max;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (token == null) {
                return null;
            }
            boolean entry = token == JsonToken.FIELD_NAME
                    || (!open.isEmpty() && open.peek()[1] == 1 && token != JsonToken.END_ARRAY); // an array's element
            if (entry && ++open.peek()[0] > max) {
                throw new TooManyEntries(delegate, tooMany(name(token), max));
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                open.push(new int[] {0, token == JsonToken.START_ARRAY ? 1 : 0});
            } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                open.pop();
            }
            return token;
        }

        // Jackson's shortcuts, each through nextToken() so that every token is counted.

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }

        @Override
        public String nextFieldName() throws IOException {
            return nextToken() == JsonToken.FIELD_NAME ? currentName() : null;
        }

        @Override
        public boolean nextFieldName(com.fasterxml.jackson.core.SerializableString name) throws IOException {
            return nextToken() == JsonToken.FIELD_NAME && name.getValue().equals(currentName());
        }

        @Override
        public String nextTextValue() throws IOException {
            return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
        }

        @Override
        public int nextIntValue(int otherwise) throws IOException {
            return nextToken() == JsonToken.VALUE_NUMBER_INT ? getIntValue() : otherwise;
        }

        @Override
        public long nextLongValue(long otherwise) throws IOException {
            return nextToken() == JsonToken.VALUE_NUMBER_INT ? getLongValue() : otherwise;
        }

        @Override
        public Boolean nextBooleanValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.VALUE_TRUE ? Boolean.TRUE : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            // Children skipped by the reader are counted too: step through them one token at a time.
            if (currentToken() != JsonToken.START_OBJECT && currentToken() != JsonToken.START_ARRAY) {
                return this;
            }
            int depth = 1;
            while (depth > 0) {
                JsonToken token = nextToken();
                if (token == null) {
                    break;
                }
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
            }
            return this;
        }

        /** The array or map as the API names it: {@code server_ids}, {@code runtime_env.pip}, {@code items[0].spec}. */
        private String name(JsonToken token) {
            JsonStreamContext context = delegate.getParsingContext();
            if (token.isStructStart()) {
                context = context.getParent(); // the container the new value is an entry of
            }
            JsonStreamContext container = context;
            StringBuilder path = new StringBuilder();
            for (JsonStreamContext c = container.getParent(); c != null && !c.inRoot(); c = c.getParent()) {
                String part = c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.getCurrentName();
                path.insert(0, path.length() == 0 || path.charAt(0) == '[' ? part : part + ".");
            }
            return path.length() == 0 ? "the body" : path.toString();
        }
    }
}
