package dev.ekslifecycle.local.sqs;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * SQS Query-protocol calls over HTTP as the AWS CLI v2.9 makes them: a form-encoded POST signed for {@code sqs}
 * (the local cloud reads the scope, not the signature), answered with XML that is parsed namespace-aware, so
 * XPath expressions name elements as {@code q:Element} in SQS's namespace.
 */
final class QueryCalls {

    static final String NAMESPACE = "http://queue.amazonaws.com/doc/2012-11-05/";
    static final String ACCESS_KEY = "AKIDQUERY";

    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    QueryCalls(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The answer to one call: HTTP status and XML document. */
    record Answer(int status, Document xml) {

        String text(String xpath) {
            return evaluate(xpath).getTextContent();
        }

        /** The texts of every node the expression selects, in document order. */
        List<String> texts(String xpath) {
            NodeList nodes = nodes(xpath);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add(nodes.item(i).getTextContent());
            }
            return out;
        }

        /** A flattened map: each node {@code entries} selects, by the text of its {@code key} and {@code value}. */
        Map<String, String> map(String entries, String key, String value) {
            NodeList nodes = nodes(entries);
            Map<String, String> out = new LinkedHashMap<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                out.put(at(nodes.item(i), key).getTextContent(), at(nodes.item(i), value).getTextContent());
            }
            return out;
        }

        int count(String xpath) {
            return nodes(xpath).getLength();
        }

        private Node evaluate(String xpath) {
            Node node = at(xml, xpath);
            if (node == null) {
                throw new AssertionError("no " + xpath + " in the answer");
            }
            return node;
        }

        private NodeList nodes(String xpath) {
            try {
                return (NodeList) xpath().evaluate(xpath, xml, XPathConstants.NODESET);
            } catch (Exception e) {
                throw new AssertionError(xpath, e);
            }
        }

        private static Node at(Node from, String xpath) {
            try {
                return (Node) xpath().evaluate(xpath, from, XPathConstants.NODE);
            } catch (Exception e) {
                throw new AssertionError(xpath, e);
            }
        }
    }

    /** Posts {@code Version=2012-11-05} and the name/value pairs to {@code path}, signed for sqs. */
    Answer call(String path, String... namesAndValues) throws Exception {
        List<String> form = new ArrayList<>(List.of("Version", "2012-11-05"));
        form.addAll(List.of(namesAndValues));
        return post(path, true, form);
    }

    /** Posts exactly the name/value pairs given, with or without a SigV4 authorization header. */
    Answer post(String path, boolean signed, List<String> namesAndValues) throws Exception {
        StringJoiner body = new StringJoiner("&");
        for (int i = 0; i < namesAndValues.size(); i += 2) {
            body.add(URLEncoder.encode(namesAndValues.get(i), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(namesAndValues.get(i + 1), StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (signed) {
            request.header("Authorization", "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY
                    + "/20261125/us-east-1/sqs/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=0");
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
        return new Answer(response.statusCode(), xml);
    }

    private static XPath xpath() {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return "q".equals(prefix) ? NAMESPACE : XMLConstants.NULL_NS_URI;
            }

            @Override
            public String getPrefix(String uri) {
                return NAMESPACE.equals(uri) ? "q" : null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return List.of("q").iterator();
            }
        });
        return xpath;
    }
}
