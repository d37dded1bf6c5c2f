package io.kirincontract.mock.validation.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;

/** Names violation path nodes by their JSON names ({@code multi_prompt}), as Jackson reads them. */
final class JacksonPropertyNodeNameProvider implements PropertyNodeNameProvider {

  private final ObjectMapper mapper;
  private final Map<Class<?>, Map<String, String>> namesByClass = new ConcurrentHashMap<>();

  JacksonPropertyNodeNameProvider(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public String getName(Property property) {
    if (property instanceof JavaBeanProperty bean) {
      Map<String, String> names = namesByClass.computeIfAbsent(bean.getDeclaringClass(), this::jsonNames);
      return names.getOrDefault(bean.getMemberName(), names.getOrDefault(property.getName(), property.getName()));
    }
    return property.getName();
  }

  /** Member name (field or getter) and Java property name → JSON name. */
  private Map<String, String> jsonNames(Class<?> type) {
    BeanDescription description = mapper.getSerializationConfig().introspect(mapper.constructType(type));
    Map<String, String> names = new ConcurrentHashMap<>();
    for (BeanPropertyDefinition definition : description.findProperties()) {
      names.put(definition.getInternalName(), definition.getName());
      for (AnnotatedMember member :
          new AnnotatedMember[] {definition.getField(), definition.getGetter(), definition.getSetter()}) {
        if (member != null) {
          names.put(member.getName(), definition.getName());
        }
      }
    }
    return names;
  }
}
